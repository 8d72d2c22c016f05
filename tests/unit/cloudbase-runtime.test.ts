import * as tcb from '@cloudbase/node-sdk';
import type { IContextParam } from '@cloudbase/node-sdk';
import {
  assertCloudEnvironment,
  checkTimerCall,
  isTimerTriggerEvent,
  rejectedTimerCallCount,
  timerTriggerVerdict,
  triggerSourceOf,
} from '../../src/server/adapters/cloudbase/cloudbase-runtime';
import { AppError } from '../../src/shared/errors';

const NOBODY = { openid: null, uid: null };
/** The SDK's own reader of a call's variables, as the production runtime uses it. */
const readContext = (context?: { environment?: string; environ?: string }) => tcb.getCloudbaseContext(context as IContextParam | undefined);

/** An SCF context as the platform passes it to main (new architecture: variables as a JSON text). */
function scfContext(variables: Record<string, string>): IContextParam {
  return { memory_limit_in_mb: 256, time_limit_in_ms: 20_000, request_id: 'req-1', function_version: '$LATEST', function_name: 'scheduler', namespace: 'prod-1', environment: JSON.stringify(variables) };
}

describe('CloudBase runtime guards', () => {
  describe('the scheduler accepts its timer in every documented shape, and nothing else', () => {
    test.each([
      ['Type "Timer" (as the SCF pages show it)', { Type: 'Timer', TriggerName: 'scheduler-timer', Time: '2026-11-23T06:00:00Z', Message: '' }],
      ['Type "timer" (as the CloudBase pages show it)', { Type: 'timer', TriggerName: 'scheduler-timer', Time: '2026-11-23T06:00:00Z' }],
      ['Type "TIMER"', { Type: 'TIMER', TriggerName: 'scheduler-timer' }],
    ])('%s, no TRIGGER_SRC', (_name, event) => {
      expect(timerTriggerVerdict(event, NOBODY, undefined)).toEqual({ accepted: true });
    });

    test('TRIGGER_SRC=timer is enough, whatever the event looks like (the platform sets it, a client cannot)', () => {
      expect(timerTriggerVerdict({}, NOBODY, 'timer')).toEqual({ accepted: true });
      expect(timerTriggerVerdict({ Type: 'Timer' }, NOBODY, 'Timer')).toEqual({ accepted: true });
    });

    test('TRIGGER_SRC is read from the call context first, as node-sdk reads it for its cloud-call token', () => {
      const saved = process.env.TRIGGER_SRC;
      delete process.env.TRIGGER_SRC;
      try {
        expect(triggerSourceOf(scfContext({ TRIGGER_SRC: 'timer' }), readContext)).toBe('timer');
        expect(triggerSourceOf({}, readContext)).toBeUndefined();
        expect(triggerSourceOf(undefined, readContext)).toBeUndefined();
        process.env.TRIGGER_SRC = 'timer';
        expect(triggerSourceOf({ localTimer: true }, readContext)).toBe('timer');
        expect(triggerSourceOf(scfContext({ TRIGGER_SRC: 'tcb' }), readContext)).toBe('tcb');
      } finally {
        if (saved === undefined) delete process.env.TRIGGER_SRC;
        else process.env.TRIGGER_SRC = saved;
      }
    });

    test.each([
      ['a mini-program user sending the timer payload', { Type: 'Timer', TriggerName: 'scheduler-timer' }, { openid: 'o-user', uid: null }, 'timer'],
      ['a web user sending the timer payload', { Type: 'timer', TriggerName: 'scheduler-timer' }, { openid: null, uid: 'uid-1' }, undefined],
      ['an HTTP access call', { httpMethod: 'POST', path: '/scheduler', headers: {}, body: '{"Type":"Timer"}', Type: 'Timer', TriggerName: 'x' }, NOBODY, undefined],
      ['another trigger source', { Type: 'Timer', TriggerName: 'scheduler-timer' }, NOBODY, 'tcb'],
      ['a timer shape without its trigger name', { Type: 'Timer' }, NOBODY, undefined],
      ['an action call', { action: 'tick' }, NOBODY, undefined],
      ['no event', null, NOBODY, undefined],
    ])('refuses %s', (_name, event, caller, source) => {
      expect(timerTriggerVerdict(event, caller, source)).toMatchObject({ accepted: false, reason: expect.any(String) });
    });

    test('every refusal is logged with its reason and counted', () => {
      const lines: string[] = [];
      const before = rejectedTimerCallCount();
      expect(checkTimerCall({ action: 'tick' }, NOBODY, undefined, (_level, message) => void lines.push(message))).toBe(false);
      expect(checkTimerCall({ Type: 'Timer', TriggerName: 't' }, { openid: 'o-1', uid: null }, 'timer', (_level, message) => void lines.push(message))).toBe(false);
      expect(checkTimerCall({ Type: 'timer', TriggerName: 't' }, NOBODY, undefined, (_level, message) => void lines.push(message))).toBe(true);
      expect(rejectedTimerCallCount()).toBe(before + 2);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/event Type is missing.*event keys: action.*refused since this instance started/);
      expect(lines[1]).toContain('OPENID present');
      expect(lines[1]).toContain(`${before + 2} refused`);
    });

    test('the yes/no form agrees', () => {
      expect(isTimerTriggerEvent({ Type: 'timer', TriggerName: 't' }, null)).toBe(true);
      expect(isTimerTriggerEvent({ Type: 'Timer', TriggerName: 't' }, 'o-user-openid')).toBe(false);
      expect(isTimerTriggerEvent({}, null, 'timer')).toBe(true);
    });
  });

  test('outside CloudBase (no platform keys) the runtime refuses with a message saying so', () => {
    expect(() => assertCloudEnvironment({})).toThrow(AppError);
    expect(() => assertCloudEnvironment({})).toThrow(/云开发环境/);
    // The deployer's key variable is not the platform's: the SDK would not use it.
    expect(() => assertCloudEnvironment({ TCB_SECRET_ID: 'AKID…', TCB_SECRET_KEY: 'key' })).toThrow(/云开发环境/);
    expect(() => assertCloudEnvironment({ TENCENTCLOUD_SECRETID: 'AKID…' })).not.toThrow();
  });
});
