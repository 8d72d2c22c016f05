import type { Urgency } from './categories';

export interface RankingWeights {
  householdLink: number;
  sameGrid: number;
  perKm: number;
  skillMatch: number;
  perOpenTask: number;
  perRecentTask: number;
  perRatingStar: number;
}

export interface DispatchPolicy {
  /** Search radius of each offer round; the request goes to manual dispatch after the last. */
  radiusStepsM: number[];
  batchSize: number;
  offerTimeoutMinutes: Record<Urgency, number>;
  /** A member with this many open tasks gets no new offers. */
  openTaskCap: number;
  weights: RankingWeights;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  radiusStepsM: [1000, 2000, 4000],
  batchSize: 3,
  offerTimeoutMinutes: { normal: 15, urgent: 5 },
  openTaskCap: 3,
  weights: {
    householdLink: 1000,
    sameGrid: 100,
    perKm: 40,
    skillMatch: 30,
    perOpenTask: 15,
    perRecentTask: 2,
    perRatingStar: 10,
  },
};

export type DispatchPolicyOverrides = Partial<Omit<DispatchPolicy, 'offerTimeoutMinutes' | 'weights'>> & {
  offerTimeoutMinutes?: Partial<DispatchPolicy['offerTimeoutMinutes']>;
  weights?: Partial<RankingWeights>;
};

/** Community settings may override any part; missing parts keep the defaults. Always returns a fresh object. */
export function resolveDispatchPolicy(overrides: DispatchPolicyOverrides | null | undefined): DispatchPolicy {
  const base = overrides ?? {};
  return {
    radiusStepsM: [...(base.radiusStepsM ?? DEFAULT_DISPATCH_POLICY.radiusStepsM)],
    batchSize: base.batchSize ?? DEFAULT_DISPATCH_POLICY.batchSize,
    openTaskCap: base.openTaskCap ?? DEFAULT_DISPATCH_POLICY.openTaskCap,
    offerTimeoutMinutes: { ...DEFAULT_DISPATCH_POLICY.offerTimeoutMinutes, ...base.offerTimeoutMinutes },
    weights: { ...DEFAULT_DISPATCH_POLICY.weights, ...base.weights },
  };
}
