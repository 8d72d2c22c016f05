import type { z } from 'zod';
import type { zDeleteAccountInput } from '../../../shared/contracts/privacy';
import { ERASED_TEXT } from '../../../shared/domain/privacy';
import { REQUEST_STATES } from '../../../shared/domain/request-state';
import { AppError } from '../../../shared/errors';
import { postTransfer } from '../../points-ledger/post-transfer';
import type { RequestRecord, Tx, UserRecord } from '../../ports';
import type { VisitorContext } from '../context';
import { deletionTarget, eventRewriter, pointsToForfeit, refusalsFor, uploadedPhotos } from './deletion-plan';
import { collectPersonalData, type PersonalData } from './personal-data';

const GONE = { deleted: true as const, pointsForfeited: 0, photosRemoved: 0 };

/**
 * 注销: the person's own words, contact details, location and photos go; what the community's ledgers
 * must keep (postings, request records, attendance) stays under the same id, now 已注销用户, so
 * balances and statistics still add up. Refused, with what to do, while something is unsettled.
 */
export async function deleteAccount({ runtime, caller }: VisitorContext, input: z.infer<typeof zDeleteAccountInput>) {
  // A retried deletion of one's own account: there is no account any more, which is what was asked.
  if (!caller) {
    if (input.userId) throw new AppError('UNAUTHENTICATED', '请先加入社区');
    return GONE;
  }
  const now = runtime.clock.now();
  const outcome = await runtime.store.transaction(async (tx) => {
    const { user, self } = await deletionTarget(tx, caller, input.userId);
    if (user.leftAt !== undefined) return { ...GONE, photos: [] as string[] };
    const data = await collectPersonalData(tx, user);
    const refusals = refusalsFor(data, self);
    if (refusals.length > 0) throw new AppError('CONFLICT', refusals.join('；'));
    const [forfeited] = await Promise.all([forfeitPoints(tx, data, now), erasePerson(tx, data, now)]);
    const photos = uploadedPhotos(data);
    return { deleted: true as const, pointsForfeited: forfeited, photosRemoved: photos.length, photos };
  });
  // The records no longer name the photos; the files go once that is committed.
  await runtime.files.remove(outcome.photos);
  return { deleted: outcome.deleted, pointsForfeited: outcome.pointsForfeited, photosRemoved: outcome.photosRemoved };
}

async function forfeitPoints(tx: Tx, data: PersonalData, now: number): Promise<number> {
  const amount = pointsToForfeit(data);
  if (amount === 0) return 0;
  await postTransfer(
    tx,
    {
      idempotencyKey: `forfeit:${data.user.id}`,
      communityId: data.user.communityId,
      from: { kind: 'member', ownerId: data.user.id },
      to: { kind: 'issuance', ownerId: data.user.communityId },
      amount,
      kind: 'forfeit',
      ref: data.user.id,
      memo: '账户注销，剩余积分退回社区',
    },
    now,
  );
  return amount;
}

async function erasePerson(tx: Tx, data: PersonalData, now: number): Promise<void> {
  const { user } = data;
  const center = data.community?.center;
  const erasedRequest = (request: RequestRecord): Partial<RequestRecord> => ({
    description: ERASED_TEXT,
    address: '',
    contactName: '',
    contactPhone: '',
    photos: [],
    ratingComment: request.ratingComment === null ? null : ERASED_TEXT,
    ...(center ? { location: center } : {}),
  });
  // Each touches its own records: on CloudBase their reads go out together rather than one after another.
  await Promise.all([
    ...data.requests.map((request) => tx.requests.update(request.id, REQUEST_STATES, erasedRequest(request))),
    ...data.tasks.filter((task) => task.completionPhotos.length > 0).map((task) => tx.requests.update(task.id, REQUEST_STATES, { completionPhotos: [] })),
    tx.events.redact([...data.requests, ...data.tasks].map((request) => request.id), eventRewriter(user)),
    withdrawFromDispatch(tx, user, now),
    tx.outbox.removeForUser(user.id),
    tx.subscriptions.clear(user.id),
    tx.consents.removeAll(user.id),
    tx.deliberations.eraseCommentsBy(user.id, ERASED_TEXT),
    tx.users.erase(user.id, now),
  ]);
}

/** No longer a member: out of the dispatch index, its household links and 党员中心户, its offers closed. */
async function withdrawFromDispatch(tx: Tx, user: UserRecord, now: number): Promise<void> {
  const [offers, centrals] = await Promise.all([tx.offers.listPendingForMember(user.id, now), tx.communities.centralHouseholdsOf([user.id])]);
  const central = centrals[user.id] ? await tx.communities.getCentralHousehold(centrals[user.id]) : null;
  await Promise.all([
    ...offers.map((offer) => tx.offers.updateStatus(offer.requestId, user.id, ['pending'], 'withdrawn', now)),
    central ? tx.communities.saveCentralHousehold({ ...central, memberIds: central.memberIds.filter((id) => id !== user.id) }) : null,
    tx.members.remove(user.id),
  ]);
}
