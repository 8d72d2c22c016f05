import { z } from 'zod';
import { zPageInput } from './common';

export const zPostingView = z.object({
  id: z.string(),
  at: z.string(),
  /** Signed from the member's side: positive earned, negative spent. */
  amount: z.number(),
  memo: z.string(),
});
export type TPostingView = z.infer<typeof zPostingView>;

export const pointsContract = {
  getMine: {
    input: zPageInput,
    output: z.object({ balance: z.number(), held: z.number(), items: z.array(zPostingView), nextCursor: z.string().nullable() }),
  },
} as const;
