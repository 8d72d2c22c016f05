import { assertCloudEnvironment, isTimerTriggerEvent } from '../../src/server/adapters/cloudbase/cloudbase-runtime';
import { AppError } from '../../src/shared/errors';

describe('CloudBase runtime guards', () => {
  test('only a timer trigger, with no WeChat caller behind it, counts as the timer', () => {
    const timer = { Type: 'Timer', TriggerName: 'scheduler-timer', Time: '2026-11-23T06:00:00Z', Message: '' };
    expect(isTimerTriggerEvent(timer, null)).toBe(true);
    // A mini-program user can send any payload through callFunction, but the platform adds their OPENID.
    expect(isTimerTriggerEvent(timer, 'o-user-openid')).toBe(false);
    expect(isTimerTriggerEvent({ Type: 'Timer' }, null)).toBe(false);
    expect(isTimerTriggerEvent({ action: 'tick' }, null)).toBe(false);
    expect(isTimerTriggerEvent(null, null)).toBe(false);
  });

  test('outside CloudBase (no platform keys) the runtime refuses with a message saying so', () => {
    expect(() => assertCloudEnvironment({})).toThrow(AppError);
    expect(() => assertCloudEnvironment({})).toThrow(/云开发环境/);
    // The deployer's key variable is not the platform's: the SDK would not use it.
    expect(() => assertCloudEnvironment({ TCB_SECRET_ID: 'AKID…', TCB_SECRET_KEY: 'key' })).toThrow(/云开发环境/);
    expect(() => assertCloudEnvironment({ TENCENTCLOUD_SECRETID: 'AKID…' })).not.toThrow();
  });
});
