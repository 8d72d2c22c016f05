import type { z } from 'zod';
import type { communityContract } from './community';
import type { pointsContract } from './points';
import type { requestsContract } from './requests';
import type { serviceContract } from './service';
import type { ledgersContract } from './ledgers';
import type { reportsContract } from './reports';
import type { deliberationsContract } from './deliberations';

/** Action tables by cloud function; the client derives call types from these without bundling zod. */
export interface Contracts {
  requests: typeof requestsContract;
  points: typeof pointsContract;
  community: typeof communityContract;
  service: typeof serviceContract;
  ledgers: typeof ledgersContract;
  reports: typeof reportsContract;
  deliberations: typeof deliberationsContract;
}

export type FunctionName = keyof Contracts;
export type ActionOf<F extends FunctionName> = keyof Contracts[F] & string;
type Spec<F extends FunctionName, A extends ActionOf<F>> = Contracts[F][A] extends { input: z.ZodType; output: z.ZodType } ? Contracts[F][A] : never;
export type InputOf<F extends FunctionName, A extends ActionOf<F>> = z.input<Spec<F, A>['input']>;
export type OutputOf<F extends FunctionName, A extends ActionOf<F>> = z.output<Spec<F, A>['output']>;
