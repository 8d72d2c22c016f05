import type { TMyData } from '../../../shared/contracts/privacy';
import { toConsentView } from '../../views/privacy-view';
import type { ActionContext } from '../context';
import { collectPersonalData } from './personal-data';
import { orderLines, postingLines, profileOf, registrationOf, requestLines, serviceLines, taskLines } from './personal-lines';

/** How many of each list the page shows; the export carries every one. */
const RECENT = 10;

/** 我的信息: what the product holds about the caller, as they can read it. */
export async function getMyData({ runtime, caller }: ActionContext): Promise<TMyData> {
  const data = await runtime.store.read((tx) => collectPersonalData(tx, caller));
  const requests = requestLines(data);
  const tasks = taskLines(data);
  const postings = postingLines(data);
  const service = serviceLines(data);
  const orders = orderLines(data);
  const member = data.registration !== null || data.account !== null;
  return {
    profile: profileOf(data),
    household: data.household ? { address: data.household.address, linkedMembers: data.householdMembers } : null,
    registration: registrationOf(data),
    requests: { total: requests.length, recent: requests.slice(0, RECENT).map(({ id, at, category, state, description }) => ({ id, at, category, state, description })) },
    tasks: { total: tasks.length, recent: tasks.slice(0, RECENT) },
    points: member ? { balance: data.account?.balance ?? 0, held: data.account?.held ?? 0, postings: postings.length, recent: postings.slice(0, RECENT) } : null,
    service: member ? { dutyMinutes: data.dutyMinutes, duties: data.duties.length, activities: data.signups.length, recent: service.slice(0, RECENT) } : null,
    orders: { total: orders.length, recent: orders.slice(0, RECENT) },
    consents: data.consents.map(toConsentView),
    recentLimit: RECENT,
  };
}
