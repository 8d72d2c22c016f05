import type { TCreateGridInput } from '../../../shared/contracts/community';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { toGridViews } from '../../views/structure-view';
import type { ActionContext } from '../context';

export async function createGrid({ runtime, caller }: ActionContext, input: TCreateGridInput) {
  return runtime.store.transaction(async (tx) => {
    const existing = await tx.communities.listGrids(caller.communityId);
    if (existing.some((grid) => grid.name === input.name)) throw new AppError('CONFLICT', `已有名为「${input.name}」的网格`);
    const grid = { id: newId('g'), communityId: caller.communityId, name: input.name };
    await tx.communities.insertGrid(grid);
    const [view] = await toGridViews(tx, caller.communityId, [grid], await tx.communities.counts(caller.communityId));
    return view;
  });
}
