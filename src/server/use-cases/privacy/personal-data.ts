import type { Page, TPageInput } from '../../../shared/contracts/common';
import { REQUEST_STATES } from '../../../shared/domain/request-state';
import { readEveryPage } from '../../keyset-paging';
import { memberAccountId } from '../../points-ledger/accounts';
import type {
  AccountRecord,
  ActivityRecord,
  CommunityRecord,
  ConsentRecord,
  DutyRecord,
  HouseholdRecord,
  MemberRecord,
  OutboxRecord,
  PostingRecord,
  RedemptionRecord,
  RequestRecord,
  SignupRecord,
  Tx,
  UserRecord,
} from '../../ports';

/** More than any one person gathers in years; a list this long is cut there rather than read for ever. */
const MOST = 5_000;

const everyPage = <T>(fetch: (page: TPageInput) => Promise<Page<T>>) => readEveryPage(fetch, MOST);

/** Everything the product holds about one person, as stored. */
export interface PersonalData {
  user: UserRecord;
  community: CommunityRecord | null;
  gridName: string | null;
  household: HouseholdRecord | null;
  householdMembers: string[];
  registration: MemberRecord | null;
  requests: RequestRecord[];
  tasks: RequestRecord[];
  account: AccountRecord | null;
  postings: PostingRecord[];
  duties: DutyRecord[];
  servicePointNames: Map<string, string>;
  dutyMinutes: number;
  signups: { signup: SignupRecord; activity: ActivityRecord | null }[];
  orders: RedemptionRecord[];
  consents: ConsentRecord[];
  messages: OutboxRecord[];
}

/**
 * Reads what is held about the person: their profile, household, registration, requests, tasks, points,
 * service, orders and consents; their messages only when asked (the export lists them, nothing else needs them).
 */
export async function collectPersonalData(tx: Tx, user: UserRecord, options: { messages?: boolean } = {}): Promise<PersonalData> {
  const accountId = memberAccountId(user.id);
  const [community, grid, household, registration, requests, tasks, account, postings, duties, points, dutyMinutes, signups, orders, consents, messages] = await Promise.all([
    tx.communities.get(user.communityId),
    user.gridId ? tx.communities.getGrid(user.gridId) : null,
    user.householdId ? tx.communities.getHousehold(user.householdId) : null,
    tx.members.get(user.id),
    everyPage((page) => tx.requests.listByResident(user.id, page)),
    everyPage((page) => tx.requests.listByAssignee(user.id, REQUEST_STATES, page)),
    tx.ledger.getAccount(accountId),
    everyPage((page) => tx.ledger.listPostings(accountId, page)),
    tx.service.listDutiesForMember(user.id, MOST),
    tx.servicePoints.listByCommunity(user.communityId),
    tx.service.dutyMinutesSince(user.id, 0),
    tx.service.listSignupsForMember(user.id, MOST),
    everyPage((page) => tx.redemptions.listForMember(user.id, page)),
    tx.consents.list(user.id),
    options.messages ? everyPage((page) => tx.outbox.listForUser(user.id, page)) : [],
  ]);
  const [people, activities] = await Promise.all([
    household ? tx.members.householdPeople([household.id]) : Promise.resolve<Record<string, { members: string[] }>>({}),
    Promise.all(signups.map((signup) => tx.service.getActivity(signup.activityId))),
  ]);
  return {
    user,
    community,
    gridName: grid?.name ?? null,
    household,
    householdMembers: household ? (people[household.id]?.members ?? []) : [],
    registration,
    requests,
    tasks,
    account,
    postings,
    duties,
    servicePointNames: new Map(points.map((point) => [point.id, point.name])),
    dutyMinutes,
    signups: signups.map((signup, index) => ({ signup, activity: activities[index] })),
    orders,
    consents,
    messages,
  };
}
