import type { TCreateShopInput } from '../../../shared/contracts/community';
import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { toShopView } from '../../views/shop-view';
import type { ActionContext } from '../context';

// No 0/O or 1/I: staff read the code aloud or type it from a phone screen.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newInviteCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export async function createShop({ runtime, caller }: ActionContext, input: TCreateShopInput) {
  const now = runtime.clock.now();
  return runtime.store.transaction(async (tx) => {
    const existing = await tx.shops.listByCommunity(caller.communityId);
    if (existing.some((shop) => shop.name === input.name)) throw new AppError('CONFLICT', `已有名为「${input.name}」的店铺`);
    const shop = { id: newId('s'), communityId: caller.communityId, name: input.name, kind: input.kind, description: input.description, inviteCode: newInviteCode(), createdAt: now };
    await tx.shops.insert(shop);
    return toShopView(tx, shop);
  });
}
