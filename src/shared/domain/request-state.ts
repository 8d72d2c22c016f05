export const REQUEST_STATES = [
  'submitted',
  'dispatching',
  'accepted',
  'completed',
  'rated',
  'cancelled',
  'needs_manual',
  'escalated',
  'reopened',
  'held',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  submitted: '已提交',
  dispatching: '派单中',
  accepted: '已接单',
  completed: '已完成',
  rated: '已评价',
  cancelled: '已取消',
  needs_manual: '待人工派单',
  escalated: '已吹哨上报',
  reopened: '重新办理',
  held: '待审核',
};

export type RequestEvent =
  | 'dispatch'
  | 'accept'
  | 'assign'
  | 'complete'
  | 'rate'
  | 'cancel'
  | 'exhaust'
  | 'escalate'
  | 'resolve'
  | 'reopen'
  | 'release'
  | 'reject';

interface Transition {
  from: readonly RequestState[];
  to: RequestState;
}

/** Every allowed move of a request, in one place. Writes compare-and-set on `from`. */
export const TRANSITIONS: Record<RequestEvent, Transition> = {
  dispatch: { from: ['submitted', 'reopened', 'needs_manual'], to: 'dispatching' },
  accept: { from: ['dispatching'], to: 'accepted' },
  assign: { from: ['submitted', 'dispatching', 'needs_manual', 'reopened', 'accepted'], to: 'accepted' },
  complete: { from: ['accepted'], to: 'completed' },
  rate: { from: ['completed'], to: 'rated' },
  // Residents may withdraw only while nobody has taken the request; after that they talk to the member.
  // A request held for review may be withdrawn too (to say it differently).
  cancel: { from: ['submitted', 'dispatching', 'needs_manual', 'held'], to: 'cancelled' },
  exhaust: { from: ['submitted', 'dispatching', 'reopened'], to: 'needs_manual' },
  escalate: { from: ['submitted', 'dispatching', 'needs_manual', 'accepted', 'reopened'], to: 'escalated' },
  // The department (or property company) reports the issue settled; the resident can then rate it.
  resolve: { from: ['escalated'], to: 'completed' },
  reopen: { from: ['completed', 'rated'], to: 'reopened' },
  // The content check said "review": the request waits, unseen by members, until an admin or grid worker
  // releases it (then it starts exactly as a fresh submit would) or rejects it with a reason the resident sees.
  release: { from: ['held'], to: 'submitted' },
  reject: { from: ['held'], to: 'cancelled' },
};

/** A resident may say a completed request is not solved within this many days. */
export const REOPEN_WINDOW_DAYS = 7;

export function nextState(current: RequestState, event: RequestEvent): RequestState | null {
  const transition = TRANSITIONS[event];
  return transition.from.includes(current) ? transition.to : null;
}

export const OPEN_STATES: readonly RequestState[] = ['submitted', 'dispatching', 'accepted', 'needs_manual', 'reopened', 'escalated', 'held'];
/** Open requests whose words other residents and members may see (a held one has not been reviewed yet). */
export const VISIBLE_OPEN_STATES: readonly RequestState[] = OPEN_STATES.filter((state) => state !== 'held');
export const FINISHED_STATES: readonly RequestState[] = ['completed', 'rated', 'cancelled'];

export function isOpen(state: RequestState): boolean {
  return OPEN_STATES.includes(state);
}
