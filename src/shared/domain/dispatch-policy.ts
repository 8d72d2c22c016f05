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

/** Community settings may override any part; missing parts keep the defaults. */
export function resolveDispatchPolicy(overrides: Partial<DispatchPolicy> | null | undefined): DispatchPolicy {
  if (!overrides) return DEFAULT_DISPATCH_POLICY;
  return {
    ...DEFAULT_DISPATCH_POLICY,
    ...overrides,
    offerTimeoutMinutes: { ...DEFAULT_DISPATCH_POLICY.offerTimeoutMinutes, ...overrides.offerTimeoutMinutes },
    weights: { ...DEFAULT_DISPATCH_POLICY.weights, ...overrides.weights },
  };
}
