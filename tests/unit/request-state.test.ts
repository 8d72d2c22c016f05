import fc from 'fast-check';
import {
  FINISHED_STATES,
  OPEN_STATES,
  REQUEST_STATES,
  REQUEST_STATE_LABELS,
  TRANSITIONS,
  VISIBLE_OPEN_STATES,
  isOpen,
  nextState,
  type RequestEvent,
  type RequestState,
} from '../../src/shared/domain/request-state';

const EVENTS = Object.keys(TRANSITIONS) as RequestEvent[];

/**
 * The lifecycle as designed, written out independently of TRANSITIONS so that a
 * change to the table shows up here. Every (state, event) pair not listed is illegal.
 */
const LEGAL: ReadonlyArray<readonly [RequestState, RequestEvent, RequestState]> = [
  ['submitted', 'dispatch', 'dispatching'],
  ['reopened', 'dispatch', 'dispatching'],
  ['needs_manual', 'dispatch', 'dispatching'],

  ['dispatching', 'accept', 'accepted'],

  ['submitted', 'assign', 'accepted'],
  ['dispatching', 'assign', 'accepted'],
  ['needs_manual', 'assign', 'accepted'],
  ['reopened', 'assign', 'accepted'],
  ['accepted', 'assign', 'accepted'],

  ['accepted', 'complete', 'completed'],

  ['completed', 'rate', 'rated'],

  ['submitted', 'cancel', 'cancelled'],
  ['dispatching', 'cancel', 'cancelled'],
  ['needs_manual', 'cancel', 'cancelled'],
  ['held', 'cancel', 'cancelled'],

  ['submitted', 'exhaust', 'needs_manual'],
  ['dispatching', 'exhaust', 'needs_manual'],
  ['reopened', 'exhaust', 'needs_manual'],

  ['submitted', 'escalate', 'escalated'],
  ['dispatching', 'escalate', 'escalated'],
  ['needs_manual', 'escalate', 'escalated'],
  ['accepted', 'escalate', 'escalated'],
  ['reopened', 'escalate', 'escalated'],

  ['escalated', 'resolve', 'completed'],

  ['completed', 'reopen', 'reopened'],
  ['rated', 'reopen', 'reopened'],

  ['held', 'release', 'submitted'],
  ['held', 'reject', 'cancelled'],
];

function expectedNext(state: RequestState, event: RequestEvent): RequestState | null {
  const hit = LEGAL.find(([from, ev]) => from === state && ev === event);
  return hit ? hit[2] : null;
}

describe('request lifecycle: nextState', () => {
  test('there are 10 states and 12 events', () => {
    expect(REQUEST_STATES).toHaveLength(10);
    expect([...EVENTS].sort()).toEqual(['accept', 'assign', 'cancel', 'complete', 'dispatch', 'escalate', 'exhaust', 'rate', 'reject', 'release', 'reopen', 'resolve']);
  });

  test.each(LEGAL.map(([from, event, to]) => [from, event, to] as const))('%s --%s--> %s', (from, event, to) => {
    expect(nextState(from, event)).toBe(to);
  });

  test('every pair of state and event outside the legal list is rejected with null', () => {
    let illegal = 0;
    for (const state of REQUEST_STATES) {
      for (const event of EVENTS) {
        const expected = expectedNext(state, event);
        expect({ state, event, next: nextState(state, event) }).toEqual({ state, event, next: expected });
        if (expected === null) illegal++;
      }
    }
    expect(illegal).toBe(REQUEST_STATES.length * EVENTS.length - LEGAL.length);
    expect(LEGAL).toHaveLength(28);
  });

  test.each<[RequestState, RequestEvent]>([
    ['submitted', 'rate'],
    ['accepted', 'rate'],
    ['dispatching', 'rate'],
    ['rated', 'rate'],
    ['accepted', 'accept'],
    ['submitted', 'accept'],
    ['needs_manual', 'accept'],
    ['accepted', 'cancel'],
    ['completed', 'cancel'],
    ['rated', 'cancel'],
    ['reopened', 'cancel'],
    ['dispatching', 'complete'],
    ['submitted', 'complete'],
    ['completed', 'complete'],
    ['accepted', 'dispatch'],
    ['dispatching', 'dispatch'],
    ['accepted', 'reopen'],
    ['completed', 'assign'],
  ])('illegal: %s cannot %s', (state, event) => {
    expect(nextState(state, event)).toBeNull();
  });

  test('cancelled is terminal: no event moves it', () => {
    for (const event of EVENTS) expect(nextState('cancelled', event)).toBeNull();
  });

  test('escalated leaves only when the department resolves it', () => {
    for (const event of EVENTS) expect(nextState('escalated', event)).toBe(event === 'resolve' ? 'completed' : null);
  });

  test('the happy path submitted → dispatching → accepted → completed → rated', () => {
    const path: RequestEvent[] = ['dispatch', 'accept', 'complete', 'rate'];
    const states: RequestState[] = ['submitted'];
    for (const event of path) {
      const next = nextState(states[states.length - 1], event);
      expect(next).not.toBeNull();
      states.push(next as RequestState);
    }
    expect(states).toEqual(['submitted', 'dispatching', 'accepted', 'completed', 'rated']);
  });

  test('a rated request can be reopened and dispatched again', () => {
    expect(nextState('rated', 'reopen')).toBe('reopened');
    expect(nextState('reopened', 'dispatch')).toBe('dispatching');
  });

  test('property: from submitted, random event sequences stay in REQUEST_STATES; rated only right after completed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 60 }), (events) => {
        let state: RequestState = 'submitted';
        let everCompleted = false;
        let everAccepted = false;
        for (const event of events) {
          const next = nextState(state, event);
          if (next === null) continue; // rejected: the stored state does not change
          expect(REQUEST_STATES).toContain(next);
          if (next === 'rated') {
            expect(state).toBe('completed');
            expect(everCompleted).toBe(true);
          }
          if (next === 'completed') {
            // A member completes what they accepted; a department resolves what was escalated.
            expect(['accepted', 'escalated']).toContain(state);
            if (state === 'accepted') expect(everAccepted).toBe(true);
          }
          if (state === 'cancelled') throw new Error(`left cancelled via ${event}`);
          if (next === 'completed') everCompleted = true;
          if (next === 'accepted') everAccepted = true;
          state = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  test('property: nextState returns either null or the event target', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_STATES), fc.constantFrom(...EVENTS), (state, event) => {
        const next = nextState(state, event);
        expect(next === null || next === TRANSITIONS[event].to).toBe(true);
      }),
    );
  });
});

describe('held for review (the content check said a person must read it first)', () => {
  test('an admin releases it to submitted, from where it is dispatched like a fresh submit', () => {
    expect(nextState('held', 'release')).toBe('submitted');
    expect(nextState('submitted', 'dispatch')).toBe('dispatching');
  });

  test('an admin rejects it, or the resident withdraws it: both end cancelled', () => {
    expect(nextState('held', 'reject')).toBe('cancelled');
    expect(nextState('held', 'cancel')).toBe('cancelled');
  });

  test('nothing else moves it: no dispatch, offer, assignment or escalation before review', () => {
    for (const event of EVENTS) {
      const expected = event === 'release' ? 'submitted' : event === 'reject' || event === 'cancel' ? 'cancelled' : null;
      expect({ event, next: nextState('held', event) }).toEqual({ event, next: expected });
    }
  });

  test('no event leads into held (a request is held only when it is stored), and release and reject leave only held', () => {
    for (const state of REQUEST_STATES) for (const event of EVENTS) expect(nextState(state, event)).not.toBe('held');
    for (const state of REQUEST_STATES) {
      if (state === 'held') continue;
      expect(nextState(state, 'release')).toBeNull();
      expect(nextState(state, 'reject')).toBeNull();
    }
  });

  test('it is open, but its words are not shown to other residents as a similar request', () => {
    expect(isOpen('held')).toBe(true);
    expect(VISIBLE_OPEN_STATES).not.toContain('held');
    expect(VISIBLE_OPEN_STATES).toEqual(OPEN_STATES.filter((state) => state !== 'held'));
    expect(REQUEST_STATE_LABELS.held).toBe('待审核');
  });

  test('property: from held, random event sequences never dispatch before a release', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 40 }), (events) => {
        let state: RequestState = 'held';
        let released = false;
        for (const event of events) {
          const next = nextState(state, event);
          if (next === null) continue;
          if (state === 'held') expect(['submitted', 'cancelled']).toContain(next);
          if (event === 'release') released = true;
          if (next === 'dispatching' || next === 'accepted') expect(released).toBe(true);
          state = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isOpen', () => {
  test.each<RequestState>(['submitted', 'dispatching', 'accepted', 'needs_manual', 'reopened', 'escalated', 'held'])('%s is open', (state) => {
    expect(isOpen(state)).toBe(true);
  });

  test.each<RequestState>(['completed', 'rated', 'cancelled'])('%s is not open', (state) => {
    expect(isOpen(state)).toBe(false);
  });

  test('open and finished states are disjoint', () => {
    for (const state of OPEN_STATES) expect(FINISHED_STATES).not.toContain(state);
  });

  test('every state has a Chinese label', () => {
    for (const state of REQUEST_STATES) expect(REQUEST_STATE_LABELS[state]).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(REQUEST_STATE_LABELS.needs_manual).toBe('待人工派单');
  });
});
