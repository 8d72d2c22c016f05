import { liveEnvironment } from './live';

/** Says plainly, in every run, whether the store tests also ran against a real CloudBase environment. */
const live = liveEnvironment();
(live ? test : test.skip)(
  live ? `store tests also ran against CloudBase environment ${live.envId}` : 'live CloudBase store tests: skipped (set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run them)',
  () => {
    expect(live).not.toBeNull();
  },
);
