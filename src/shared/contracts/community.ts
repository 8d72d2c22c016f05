import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { zEmptyInput, zId, zPageInput } from './common';

export const zMe = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  communityId: z.string(),
  communityName: z.string(),
  gridName: z.string().nullable(),
  phone: z.string(),
  address: z.string(),
  home: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  unreadCount: z.number(),
});
export type TMe = z.infer<typeof zMe>;

export const zInboxItem = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TInboxItem = z.infer<typeof zInboxItem>;

export const communityContract = {
  me: { input: zEmptyInput, output: zMe },
  listInbox: { input: zPageInput, output: z.object({ items: z.array(zInboxItem), nextCursor: z.string().nullable() }) },
  markInboxRead: {
    input: z.strictObject({ ids: z.array(zId).min(1, '请选择消息').max(50, '一次最多 50 条') }),
    output: z.object({ updated: z.number() }),
  },
} as const;
