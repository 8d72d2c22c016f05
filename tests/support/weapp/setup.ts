import { closeViewLayer } from './view-layer';

// The phone is in China: the app's dates read as China time there (the server never relies on the zone).
process.env.TZ = 'Asia/Shanghai';

afterAll(() => closeViewLayer());
