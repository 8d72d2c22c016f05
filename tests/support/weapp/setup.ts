import { takeProgramErrors } from './mini-program';
import { closeViewLayer } from './view-layer';

// The phone is in China: the app's dates read as China time there (the server never relies on the zone).
process.env.TZ = 'Asia/Shanghai';

// A console error or an unhandled rejection in the app's code fails the test it happened in.
afterEach(() => {
  const errors = takeProgramErrors();
  if (errors.length > 0) throw new Error(`the mini-program logged errors:\n${errors.join('\n')}`);
});

afterAll(() => closeViewLayer());
