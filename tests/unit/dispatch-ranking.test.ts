import fc from 'fast-check';
import { SKILLS } from '../../src/shared/domain/categories';
import { explainRanking, rankCandidates, type DispatchCandidate, type DispatchTarget } from '../../src/shared/domain/dispatch-ranking';
import { DEFAULT_DISPATCH_POLICY, resolveDispatchPolicy, type DispatchPolicy } from '../../src/shared/domain/dispatch-policy';
import type { LatLng } from '../../src/shared/domain/geo';

const weights = DEFAULT_DISPATCH_POLICY.weights;

/** Metres per degree of latitude on the sphere used by geo.ts. */
const M_PER_DEG_LAT = (6_371_008.8 * Math.PI) / 180;
const ORIGIN: LatLng = { lat: 30.25, lng: 120.16 };

/** A point `metres` due north of ORIGIN (great-circle distance is then exactly `metres`). */
const north = (metres: number): LatLng => ({ lat: ORIGIN.lat + metres / M_PER_DEG_LAT, lng: ORIGIN.lng });

const target: DispatchTarget = { category: 'repair', gridId: 'g1', location: ORIGIN };

function candidate(memberId: string, overrides: Partial<DispatchCandidate> = {}): DispatchCandidate {
  return {
    memberId,
    name: `党员${memberId}`,
    gridId: 'g2',
    home: north(500),
    skills: [],
    openTasks: 0,
    tasksLast30Days: 0,
    averageRating: null,
    linkedToHousehold: false,
    ...overrides,
  };
}

const ids = (ranked: ReturnType<typeof rankCandidates>) => ranked.map((r) => r.memberId);

describe('rankCandidates', () => {
  test('scores follow the default weights', () => {
    const [ranked] = rankCandidates(target, [candidate('a', { gridId: 'g1', home: north(500), skills: ['水电维修'] })], weights);
    // sameGrid 100 − 0.5 km × 40 + skillMatch 30
    expect(ranked.score).toBeCloseTo(110, 2);
    expect(ranked.distanceM).toBe(500);
    expect(ranked.name).toBe('党员a');

    const [full] = rankCandidates(
      target,
      [
        candidate('b', {
          linkedToHousehold: true,
          gridId: 'g1',
          home: north(2000),
          skills: ['水电维修'],
          openTasks: 2,
          tasksLast30Days: 5,
          averageRating: 4.5,
        }),
      ],
      weights,
    );
    // 1000 + 100 − 80 + 30 − 30 − 10 + 5
    expect(full.score).toBeCloseTo(1015, 2);
  });

  test('the household-linked member ranks first even when much farther away', () => {
    const ranked = rankCandidates(
      target,
      [
        candidate('near', { gridId: 'g1', home: north(100), skills: ['水电维修'], averageRating: 5 }),
        candidate('linked', { gridId: 'g9', home: north(8000), linkedToHousehold: true }),
      ],
      weights,
    );
    expect(ids(ranked)).toEqual(['linked', 'near']);
    expect(ranked[0].reasons[0]).toBe('联系户党员');
  });

  test('the same grid beats a slightly closer member of another grid', () => {
    const ranked = rankCandidates(
      target,
      [candidate('other-grid', { gridId: 'g2', home: north(300) }), candidate('same-grid', { gridId: 'g1', home: north(900) })],
      weights,
    );
    expect(ids(ranked)).toEqual(['same-grid', 'other-grid']);
  });

  test('but a same-grid member far enough away loses to a near one (100 points ≈ 2.5 km)', () => {
    const ranked = rankCandidates(
      target,
      [candidate('same-grid-far', { gridId: 'g1', home: north(3500) }), candidate('other-grid-near', { gridId: 'g2', home: north(200) })],
      weights,
    );
    expect(ids(ranked)).toEqual(['other-grid-near', 'same-grid-far']);
  });

  test('no grid bonus when the target has no grid, even for members without a grid', () => {
    const ranked = rankCandidates(
      { ...target, gridId: null },
      [candidate('no-grid', { gridId: null, home: north(500) }), candidate('g1', { gridId: 'g1', home: north(400) })],
      weights,
    );
    expect(ids(ranked)).toEqual(['g1', 'no-grid']);
    expect(ranked[1].reasons).not.toContain('同网格');
    expect(ranked[1].score).toBeCloseTo(-20, 2);
  });

  test('closer beats farther, all else equal', () => {
    const ranked = rankCandidates(
      target,
      [candidate('far', { home: north(1500) }), candidate('mid', { home: north(800) }), candidate('near', { home: north(100) })],
      weights,
    );
    expect(ids(ranked)).toEqual(['near', 'mid', 'far']);
    expect(ranked.map((r) => r.distanceM)).toEqual([100, 800, 1500]);
  });

  test('a member with more open tasks ranks below an otherwise equal one', () => {
    const ranked = rankCandidates(target, [candidate('busy', { openTasks: 2 }), candidate('free', { openTasks: 0 })], weights);
    expect(ids(ranked)).toEqual(['free', 'busy']);
    expect(ranked[0].score - ranked[1].score).toBeCloseTo(30, 2);
    expect(ranked[1].reasons).toContain('在办 2 件');
    expect(ranked[0].reasons.some((r) => r.startsWith('在办'))).toBe(false);
  });

  test('fairness: recent workload pushes a member down, enough to outweigh a few hundred metres', () => {
    const ranked = rankCandidates(
      target,
      [candidate('hardworking', { home: north(400), tasksLast30Days: 10 }), candidate('rested', { home: north(600), tasksLast30Days: 0 })],
      weights,
    );
    // 10 recent tasks = 20 points = 500 m
    expect(ids(ranked)).toEqual(['rested', 'hardworking']);
    expect(ranked[0].score - ranked[1].score).toBeCloseTo(12, 2);
  });

  test('rating: above neutral helps, below hurts, unrated counts as neutral 4', () => {
    const ranked = rankCandidates(
      target,
      [
        candidate('low', { averageRating: 3 }),
        candidate('unrated', { averageRating: null }),
        candidate('high', { averageRating: 5 }),
        candidate('neutral', { averageRating: 4 }),
      ],
      weights,
    );
    expect(ids(ranked)).toEqual(['high', 'neutral', 'unrated', 'low']);
    const byId = new Map(ranked.map((r) => [r.memberId, r.score]));
    expect(byId.get('high')! - byId.get('unrated')!).toBeCloseTo(10, 2);
    expect(byId.get('neutral')).toBe(byId.get('unrated'));
    expect(byId.get('unrated')! - byId.get('low')!).toBeCloseTo(10, 2);
  });

  test('skill match adds 30 points only for a fitting skill', () => {
    const ranked = rankCandidates(
      target,
      [candidate('lawyer', { skills: ['法律援助'] }), candidate('plumber', { skills: ['水电维修', '法律援助'] })],
      weights,
    );
    expect(ids(ranked)).toEqual(['plumber', 'lawyer']);
    expect(ranked[0].score - ranked[1].score).toBeCloseTo(30, 2);
  });

  test('equal scores and distances tie-break by memberId, whatever the input order', () => {
    const same = { home: north(700), gridId: 'g1' };
    const input = [candidate('m-c', same), candidate('m-a', same), candidate('m-b', same)];
    expect(ids(rankCandidates(target, input, weights))).toEqual(['m-a', 'm-b', 'm-c']);
    expect(ids(rankCandidates(target, [...input].reverse(), weights))).toEqual(['m-a', 'm-b', 'm-c']);
  });

  test('weights are honoured: with perKm 0 distance no longer matters', () => {
    const noDistance = resolveDispatchPolicy({ weights: { ...weights, perKm: 0 } }).weights;
    const ranked = rankCandidates(target, [candidate('b', { home: north(100) }), candidate('a', { home: north(3000) })], noDistance);
    expect(ranked[0].score).toBe(ranked[1].score);
    // Equal score: the nearer one still comes first before the id tie-break.
    expect(ids(ranked)).toEqual(['b', 'a']);
  });

  test('an empty candidate list ranks to an empty list', () => {
    expect(rankCandidates(target, [], weights)).toEqual([]);
  });
});

describe('explainRanking', () => {
  test('"同网格 · 320 m · 水电维修"', () => {
    const [ranked] = rankCandidates(target, [candidate('a', { gridId: 'g1', home: north(320), skills: ['水电维修', '助老陪护'] })], weights);
    expect(explainRanking(ranked)).toBe('同网格 · 320 m · 水电维修');
  });

  test('distance is rounded to 10 m below 1 km', () => {
    const [ranked] = rankCandidates(target, [candidate('a', { home: north(437) })], weights);
    expect(explainRanking(ranked)).toBe('440 m');
  });

  test('every reason, in order, with km above 1 km and skills in category order', () => {
    const [ranked] = rankCandidates(
      { category: 'mediation', gridId: 'g1', location: ORIGIN },
      [
        candidate('a', {
          linkedToHousehold: true,
          gridId: 'g1',
          home: north(1234),
          skills: ['心理疏导', '水电维修', '矛盾调解'],
          openTasks: 2,
          averageRating: 4.5,
        }),
      ],
      weights,
    );
    expect(explainRanking(ranked)).toBe('联系户党员 · 同网格 · 1.2 km · 矛盾调解、心理疏导 · 在办 2 件 · 评分 4.5');
  });

  test('a rating is shown with one decimal', () => {
    const [ranked] = rankCandidates(target, [candidate('a', { home: north(2960), averageRating: 4 })], weights);
    expect(explainRanking(ranked)).toBe('3.0 km · 评分 4.0');
  });

  test('categories without skills (wish) list no skill reason and add no skill bonus', () => {
    const [ranked] = rankCandidates({ ...target, category: 'wish' }, [candidate('a', { home: north(500), skills: ['水电维修'] })], weights);
    expect(explainRanking(ranked)).toBe('500 m');
    expect(ranked.score).toBeCloseTo(-20, 2);
  });
});

describe('rankCandidates properties', () => {
  const arbCandidate: fc.Arbitrary<DispatchCandidate> = fc.record({
    memberId: fc.stringMatching(/^m-[a-z0-9]{1,6}$/),
    name: fc.constant('党员'),
    gridId: fc.constantFrom<string | null>('g1', 'g2', 'g3', null),
    home: fc.record({
      lat: fc.double({ min: ORIGIN.lat - 0.05, max: ORIGIN.lat + 0.05, noNaN: true }),
      lng: fc.double({ min: ORIGIN.lng - 0.05, max: ORIGIN.lng + 0.05, noNaN: true }),
    }),
    skills: fc.subarray([...SKILLS]),
    openTasks: fc.integer({ min: 0, max: 5 }),
    tasksLast30Days: fc.integer({ min: 0, max: 30 }),
    averageRating: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
    linkedToHousehold: fc.boolean(),
  });
  const arbCandidates = fc.uniqueArray(arbCandidate, { selector: (c) => c.memberId, maxLength: 25 });

  test('the ranking is a permutation of the input with scores sorted descending', () => {
    fc.assert(
      fc.property(arbCandidates, (candidates) => {
        const ranked = rankCandidates(target, candidates, weights);
        expect(ranked.map((r) => r.memberId).sort()).toEqual(candidates.map((c) => c.memberId).sort());
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
          if (ranked[i - 1].score === ranked[i].score) expect(ranked[i - 1].distanceM).toBeLessThanOrEqual(ranked[i].distanceM);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('the ranking does not depend on the input order', () => {
    fc.assert(
      fc.property(
        arbCandidates.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))),
        ([candidates, shuffled]) => {
          expect(rankCandidates(target, shuffled, weights)).toEqual(rankCandidates(target, candidates, weights));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('within a few km every household-linked member outranks every unlinked one', () => {
    fc.assert(
      fc.property(arbCandidates, (candidates) => {
        const ranked = rankCandidates(target, candidates, weights);
        const linked = new Set(candidates.filter((c) => c.linkedToHousehold).map((c) => c.memberId));
        const firstUnlinked = ranked.findIndex((r) => !linked.has(r.memberId));
        if (firstUnlinked >= 0) expect(ranked.slice(firstUnlinked).some((r) => linked.has(r.memberId))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('resolveDispatchPolicy', () => {
  test('no overrides gives the defaults', () => {
    expect(resolveDispatchPolicy(null)).toEqual(DEFAULT_DISPATCH_POLICY);
    expect(resolveDispatchPolicy(undefined)).toEqual(DEFAULT_DISPATCH_POLICY);
    expect(resolveDispatchPolicy({})).toEqual(DEFAULT_DISPATCH_POLICY);
  });

  test('the default policy', () => {
    expect(DEFAULT_DISPATCH_POLICY.radiusStepsM).toEqual([1000, 2000, 4000]);
    expect(DEFAULT_DISPATCH_POLICY.offerTimeoutMinutes).toEqual({ normal: 15, urgent: 5 });
    expect(DEFAULT_DISPATCH_POLICY.batchSize).toBe(3);
    expect(DEFAULT_DISPATCH_POLICY.openTaskCap).toBe(3);
  });

  test('top-level overrides replace the default values', () => {
    const policy = resolveDispatchPolicy({ radiusStepsM: [500, 3000], batchSize: 5, openTaskCap: 1 });
    expect(policy.radiusStepsM).toEqual([500, 3000]);
    expect(policy.batchSize).toBe(5);
    expect(policy.openTaskCap).toBe(1);
    expect(policy.weights).toEqual(DEFAULT_DISPATCH_POLICY.weights);
    expect(policy.offerTimeoutMinutes).toEqual({ normal: 15, urgent: 5 });
  });

  test('partial nested overrides (as stored in community settings) merge with the defaults', () => {
    // Community settings are stored documents and may hold only part of a nested object.
    const stored: unknown = { offerTimeoutMinutes: { urgent: 2 }, weights: { perKm: 80, sameGrid: 0 } };
    const policy = resolveDispatchPolicy(stored as Partial<DispatchPolicy>);
    expect(policy.offerTimeoutMinutes).toEqual({ normal: 15, urgent: 2 });
    expect(policy.weights).toEqual({ ...DEFAULT_DISPATCH_POLICY.weights, perKm: 80, sameGrid: 0 });
    expect(policy.radiusStepsM).toEqual([1000, 2000, 4000]);
  });

  test('merging does not mutate the defaults', () => {
    const before = JSON.stringify(DEFAULT_DISPATCH_POLICY);
    const stored: unknown = { offerTimeoutMinutes: { normal: 60 }, weights: { householdLink: 0 } };
    resolveDispatchPolicy(stored as Partial<DispatchPolicy>);
    expect(JSON.stringify(DEFAULT_DISPATCH_POLICY)).toBe(before);
    expect(DEFAULT_DISPATCH_POLICY.weights.householdLink).toBe(1000);
  });
});
