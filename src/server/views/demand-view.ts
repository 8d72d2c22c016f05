import type { TDemandLine } from '../../shared/contracts/ledgers';
import type { DemandRow, Tx } from '../ports';
import { toSuggestionReply } from './request-view';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function toDemandLine(tx: Tx, row: DemandRow): Promise<TDemandLine> {
  const { request } = row;
  return {
    requestId: request.id,
    createdAt: new Date(request.createdAt).toISOString(),
    category: request.category,
    description: request.description,
    gridName: row.gridName,
    residentName: row.residentName,
    state: request.state,
    assigneeName: row.assigneeName,
    acceptedAt: iso(request.acceptedAt),
    completedAt: iso(request.completedAt),
    ratingStars: request.ratingStars,
    suggestionReply: row.reply ? await toSuggestionReply(tx, row.reply) : null,
  };
}
