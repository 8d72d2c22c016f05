import { EARNING_KINDS } from '../../src/shared/domain/posting-kinds';
import { REQUEST_CATEGORIES } from '../../src/shared/domain/categories';
import type { RequestState } from '../../src/shared/domain/request-state';
import type { Tally } from '../../src/shared/domain/statistics';
import type {
  RequestSummary,
  AccountRecord,
  DeliberationRecord,
  EvaluationRecord,
  PostingRecord,
  ProjectRecord,
  RequestRecord,
  StatsScope,
  Store,
} from '../../src/server/ports';
import { STORE_KINDS, describeEachStore, freshStoreEachTest } from './harness';
import { T0, seedCommunities, user, request, DAY, allPages, newestFirst } from './fixtures';



function project(id: string, overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    id,
    communityId: 'c1',
    title: `项目${id}`,
    description: '加装电梯',
    ownerDepartment: '区住建局',
    ownerId: 'admin1',
    targetDate: '2027-06-30',
    source: 'admin',
    requestId: null,
    milestones: [{ title: '立项', dueDate: '2026-12-01', doneAt: null }],
    status: 'in_progress',
    supportCount: 0,
    createdBy: 'admin1',
    createdAt: T0,
    updatedAt: T0,
    writtenOffAt: null,
    writeOffNote: null,
    remindedOn: null,
    lateFlaggedMonth: null,
    publicTitle: null,
    publicSummary: null,
    publishedAt: null,
    publishedBy: null,
    ...overrides,
  };
}

function deliberation(id: string, overrides: Partial<DeliberationRecord> = {}): DeliberationRecord {
  return {
    id,
    communityId: 'c1',
    title: `议题${id}`,
    proposal: '楼道加装照明',
    buildingIds: [],
    options: ['同意', '反对', '弃权'],
    voteStartsAt: T0,
    voteEndsAt: T0 + 7 * DAY,
    quorumPercent: 50,
    status: 'draft',
    eligibleCount: null,
    decision: null,
    actions: null,
    projectId: null,
    createdBy: 'admin1',
    createdAt: T0,
    publishedAt: null,
    decidedAt: null,
    announcedAt: null,
    ...overrides,
  };
}

function evaluation(memberId: string, period: string, overrides: Partial<EvaluationRecord> = {}): EvaluationRecord {
  return { communityId: 'c1', memberId, period, grade: 'qualified', note: '', evaluatedBy: 'admin1', evaluatedAt: T0, ...overrides };
}


function account(id: string, overrides: Partial<AccountRecord> = {}): AccountRecord {
  return { id, communityId: 'c1', kind: 'member', ownerId: id.replace(/^acc_/, ''), balance: 0, held: 0, allowNegative: false, ...overrides };
}

function posting(id: string, overrides: Partial<PostingRecord> = {}): PostingRecord {
  return {
    id,
    idempotencyKey: `key-${id}`,
    communityId: 'c1',
    debitAccountId: 'acc_issuance_c1',
    creditAccountId: 'acc_member1',
    amount: 10,
    kind: 'task_completed',
    ref: null,
    memo: '',
    payloadHash: `hash-${id}`,
    actorId: null,
    createdAt: T0,
    ...overrides,
  };
}

const isScaffold = (error: unknown) => error instanceof Error && /is not built yet/.test(error.message);

/**
 * Inserts requests through the requests repository. While the CloudBase requests repository is
 * still a development scaffold this returns false instead of failing.
 */
async function insertRequests(store: Store, requests: readonly RequestRecord[]): Promise<boolean> {
  return store.transaction(async (tx) => {
    for (const record of requests) {
      try {
        await tx.requests.insert(record);
      } catch (error) {
        if (isScaffold(error)) return false;
        throw error;
      }
    }
    return true;
  });
}

/** Accounts and postings through the ledger; false (nothing written) while the CloudBase ledger is a scaffold. */
async function insertLedger(store: Store, accounts: readonly AccountRecord[], postings: readonly PostingRecord[]): Promise<boolean> {
  return store.transaction(async (tx) => {
    try {
      for (const record of accounts) await tx.ledger.createAccount(record);
      for (const record of postings) await tx.ledger.insertPosting(record);
    } catch (error) {
      if (isScaffold(error)) return false;
      throw error;
    }
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// A small generated set of requests and postings for the statistics (deterministic).
// ---------------------------------------------------------------------------------------------

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const MEMBERS = ['member1', 'member2', 'member3'];
const REPORT_STATES: RequestState[] = ['submitted', 'dispatching', 'accepted', 'completed', 'rated', 'cancelled'];

function reportRequests(): RequestRecord[] {
  const random = generator(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const out: RequestRecord[] = [];
  for (let index = 0; index < 160; index++) {
    const inC2 = index % 7 === 0;
    // Times tie in pairs, over about three months around T0.
    const createdAt = T0 - 60 * DAY + Math.floor(index / 2) * Math.floor(DAY * 1.1);
    const state = pick(REPORT_STATES);
    const assignee = ['accepted', 'completed', 'rated'].includes(state) || (state === 'cancelled' && random() < 0.3) ? pick(MEMBERS) : null;
    const acceptedAt = assignee ? createdAt + Math.floor(random() * 3 * DAY) : null;
    const completedAt = acceptedAt !== null && (state === 'completed' || state === 'rated') ? acceptedAt + Math.floor(random() * 5 * DAY) : null;
    const ratedAt = completedAt !== null && state === 'rated' ? completedAt + Math.floor(random() * 2 * DAY) : null;
    out.push(
      request(`rq${String(index).padStart(3, '0')}`, {
        communityId: inC2 ? 'c2' : 'c1',
        gridId: inC2 ? 'g9' : pick(['g1', 'g1', 'g2', null]),
        householdId: null,
        residentId: inC2 ? 'resident9' : pick(['resident1', 'resident2']),
        filedBy: inC2 ? 'resident9' : 'resident1',
        category: pick(REQUEST_CATEGORIES),
        state,
        createdAt,
        updatedAt: createdAt,
        assigneeId: inC2 ? null : assignee,
        acceptedAt: inC2 ? null : acceptedAt,
        completedAt: inC2 ? null : completedAt,
        ratedAt: inC2 ? null : ratedAt,
        // A few ratings without stars: AVG skips them, the count does not.
        ratingStars: ratedAt !== null && !inC2 && index % 11 !== 0 ? 1 + Math.floor(random() * 5) : null,
      }),
    );
  }
  return out;
}

function reportAccounts(): AccountRecord[] {
  return [
    account('acc_issuance_c1', { kind: 'issuance', ownerId: 'c1', allowNegative: true }),
    account('acc_issuance_c2', { communityId: 'c2', kind: 'issuance', ownerId: 'c2', allowNegative: true }),
    ...MEMBERS.map((id) => account(`acc_${id}`)),
    account('acc_shop1', { kind: 'shop', ownerId: 'shop1' }),
    account('acc_resident9', { communityId: 'c2', ownerId: 'resident9' }),
  ];
}

function reportPostings(): PostingRecord[] {
  const random = generator(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const out: PostingRecord[] = [];
  for (let index = 0; index < 140; index++) {
    const createdAt = T0 - 50 * DAY + Math.floor(index / 2) * DAY;
    const id = `po${String(index).padStart(3, '0')}`;
    if (index % 9 === 0) {
      out.push(posting(id, { communityId: 'c2', debitAccountId: 'acc_issuance_c2', creditAccountId: 'acc_resident9', kind: pick(['duty', 'activity']), amount: 5, createdAt }));
      continue;
    }
    const member = `acc_${pick(MEMBERS)}`;
    const kind = pick([...EARNING_KINDS, 'redemption', 'adjustment_debit', 'opening_balance']);
    const spending = kind === 'redemption' || kind === 'adjustment_debit';
    out.push(
      posting(id, {
        debitAccountId: spending ? member : 'acc_issuance_c1',
        creditAccountId: kind === 'redemption' ? 'acc_shop1' : kind === 'adjustment_debit' ? 'acc_issuance_c1' : member,
        kind,
        amount: 1 + Math.floor(random() * 30),
        createdAt,
      }),
    );
  }
  return out;
}

/** A summary in a comparable form: groups and tallies in a fixed order. */
function sortedSummary(summary: RequestSummary): RequestSummary {
  const byValue = (tallies: Tally[]) => [...tallies].sort((a, b) => a.value - b.value);
  return {
    groups: [...summary.groups].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    responseMinutes: byValue(summary.responseMinutes),
    completionMinutes: byValue(summary.completionMinutes),
    stars: byValue(summary.stars),
  };
}
const submittedIn = (summary: RequestSummary) => summary.groups.reduce((sum, group) => sum + group.count, 0);

/** Every report over a few scopes and periods, in a comparable form. */
async function allReports(store: Store): Promise<unknown> {
  const scopes: StatsScope[] = [
    { communityIds: ['c1'], gridId: null },
    { communityIds: ['c1', 'c2'], gridId: null },
    { communityIds: ['c1'], gridId: 'g1' },
    { communityIds: ['c1'], gridId: 'g2' },
    { communityIds: ['c2'], gridId: null },
    { communityIds: [], gridId: null },
  ];
  const periods: [number, number][] = [
    [T0 - 70 * DAY, T0 + 60 * DAY],
    [T0 - 30 * DAY, T0],
    [T0 - 5 * DAY, T0 + 5 * DAY],
    [T0, T0],
  ];
  return store.read(async (tx) => {
    const out: unknown[] = [];
    for (const scope of scopes) {
      for (const [from, to] of periods) {
        out.push({
          scope,
          from,
          to,
          summary: sortedSummary(await tx.reports.requestSummary(scope, from, to)),
          monthly: await tx.reports.monthlyCounts(scope, from, to),
          active: await tx.reports.activeMembers(scope, from, to),
          points: await tx.reports.pointsByKind(scope, from, to),
        });
      }
    }
    for (const [from, to] of periods) {
      for (const communityId of ['c1', 'c2']) {
        out.push({ communityId, from, to, figures: (await tx.reports.memberFigures(communityId, from, to)).sort((a, b) => (a.memberId < b.memberId ? -1 : 1)) });
      }
    }
    return out;
  });
}

describeEachStore('ledgers', (kind) => {
  const store = freshStoreEachTest(kind);

  describe('projects', () => {
    it('inserts a project and reads it by id and by its request; a second project for that request is refused', async () => {
      await insertRequests(store, [request('r1')]);
      const record = project('pj1', { requestId: 'r1', source: 'escalation', milestones: [{ title: '立项', dueDate: '2026-12-01', doneAt: T0 }] });
      const seen = await store.transaction(async (tx) => {
        await tx.projects.insert(record);
        return { byId: await tx.projects.get('pj1'), byRequest: await tx.projects.getByRequest('r1') };
      });
      expect(seen).toEqual({ byId: record, byRequest: record });
      expect(await store.read((tx) => tx.projects.get('pj1'))).toEqual(record);
      expect(await store.read((tx) => tx.projects.getByRequest('r1'))).toEqual(record);
      expect(await store.read((tx) => tx.projects.get('nothing'))).toBeNull();
      expect(await store.read((tx) => tx.projects.getByRequest('r_none'))).toBeNull();
      await expect(store.transaction((tx) => tx.projects.insert(project('pj2', { requestId: 'r1' })))).rejects.toBeDefined();
      await expect(store.transaction((tx) => tx.projects.insert(project('pj1')))).rejects.toBeDefined();
      expect(await store.read((tx) => tx.projects.get('pj2'))).toBeNull();
    });

    it('lists a community’s projects newest first by status, paging over more than 100 without loss or repeat', async () => {
      const records: ProjectRecord[] = [];
      await store.transaction(async (tx) => {
        for (let index = 0; index < 130; index++) {
          const record = project(`pj${String(index).padStart(3, '0')}`, {
            createdAt: T0 + Math.floor(index / 4),
            status: index % 3 === 0 ? 'written_off' : 'in_progress',
          });
          records.push(record);
          await tx.projects.insert(record);
        }
        await tx.projects.insert(project('pj_c2', { communityId: 'c2', ownerId: 'resident9', createdBy: 'resident9' }));
      });
      const all = await allPages((page) => store.read((tx) => tx.projects.list('c1', null, page)), 7);
      expect(all.map((item) => item.id)).toEqual([...records].sort(newestFirst).map((item) => item.id));
      const running = await allPages((page) => store.read((tx) => tx.projects.list('c1', 'in_progress', page)), 50);
      expect(running.map((item) => item.id)).toEqual(records.filter((item) => item.status === 'in_progress').sort(newestFirst).map((item) => item.id));
      const other = await store.read((tx) => tx.projects.list('c2', null, { limit: 20 }));
      expect(other).toEqual({ items: [project('pj_c2', { communityId: 'c2', ownerId: 'resident9', createdBy: 'resident9' })], nextCursor: null });
    });

    it('lists only published projects for residents, and keeps a publication written later', async () => {
      await store.transaction(async (tx) => {
        for (let index = 0; index < 12; index++) {
          const published = index % 3 === 0;
          await tx.projects.insert(
            project(`pp${String(index).padStart(2, '0')}`, {
              createdAt: T0 + index,
              source: published ? 'admin' : 'escalation',
              ...(published ? { publicTitle: `公开标题${index}`, publicSummary: '公开说明', publishedAt: T0 + index, publishedBy: 'admin1' } : {}),
            }),
          );
        }
      });
      const shown = await allPages((page) => store.read((tx) => tx.projects.list('c1', null, page, true)), 2);
      expect(shown.map((item) => item.id)).toEqual(['pp09', 'pp06', 'pp03', 'pp00']);
      expect(shown[0]).toMatchObject({ publicTitle: '公开标题9', publicSummary: '公开说明', publishedAt: T0 + 9, publishedBy: 'admin1' });
      expect(await store.transaction((tx) => tx.projects.update('pp01', 'in_progress', { publicTitle: '小区路灯维修', publicSummary: '社区协调供电所更换路灯', publishedAt: T0 + 50, publishedBy: 'admin1' }))).toBe(true);
      expect(await store.read((tx) => tx.projects.get('pp01'))).toMatchObject({ publicTitle: '小区路灯维修', publishedAt: T0 + 50, title: '项目pp01' });
      expect((await allPages((page) => store.read((tx) => tx.projects.list('c1', null, page, true)), 10)).map((item) => item.id)).toContain('pp01');
    });

    it('lists projects in progress in every community, oldest first, up to a limit', async () => {
      await store.transaction(async (tx) => {
        await tx.projects.insert(project('pj_b', { createdAt: T0 + 5 }));
        await tx.projects.insert(project('pj_a', { createdAt: T0 + 5 }));
        await tx.projects.insert(project('pj_old', { createdAt: T0 - 100 }));
        await tx.projects.insert(project('pj_off', { createdAt: T0 - 200, status: 'written_off' }));
        await tx.projects.insert(project('pj_c2', { communityId: 'c2', createdAt: T0 + 1, ownerId: 'resident9', createdBy: 'resident9' }));
      });
      const ids = async (limit: number) => (await store.read((tx) => tx.projects.listInProgress(limit))).map((item) => item.id);
      expect(await ids(10)).toEqual(['pj_old', 'pj_c2', 'pj_a', 'pj_b']);
      expect(await ids(2)).toEqual(['pj_old', 'pj_c2']);
    });

    it('updates only while the status is the expected one (compare-and-set)', async () => {
      await store.transaction((tx) => tx.projects.insert(project('pj1')));
      const milestones = [
        { title: '立项', dueDate: '2026-12-01', doneAt: T0 + 10 },
        { title: '施工', dueDate: '2027-03-01', doneAt: null },
      ];
      expect(await store.transaction((tx) => tx.projects.update('pj1', 'in_progress', { milestones, remindedOn: '2026-11-20', updatedAt: T0 + 10 }))).toBe(true);
      expect(await store.read((tx) => tx.projects.get('pj1'))).toEqual(project('pj1', { milestones, remindedOn: '2026-11-20', updatedAt: T0 + 10 }));
      // A shorter list replaces the milestones.
      expect(await store.transaction((tx) => tx.projects.update('pj1', 'in_progress', { milestones: [milestones[1]] }))).toBe(true);
      expect((await store.read((tx) => tx.projects.get('pj1')))?.milestones).toEqual([milestones[1]]);
      expect(await store.transaction((tx) => tx.projects.update('pj1', 'written_off', { writeOffNote: '错了' }))).toBe(false);
      expect(await store.transaction((tx) => tx.projects.update('pj1', 'in_progress', { status: 'written_off', writtenOffAt: T0 + 20, writeOffNote: '已完成', updatedAt: T0 + 20 }))).toBe(true);
      expect(await store.transaction((tx) => tx.projects.update('pj1', 'in_progress', { lateFlaggedMonth: '2026-11' }))).toBe(false);
      expect(await store.read((tx) => tx.projects.get('pj1'))).toEqual(
        project('pj1', { milestones: [milestones[1]], remindedOn: '2026-11-20', status: 'written_off', writtenOffAt: T0 + 20, writeOffNote: '已完成', updatedAt: T0 + 20 }),
      );
      // An empty patch only reports whether the status is the expected one.
      expect(await store.transaction((tx) => tx.projects.update('pj1', 'written_off', {}))).toBe(true);
      expect(await store.transaction((tx) => tx.projects.update('pj1', 'in_progress', {}))).toBe(false);
      expect(await store.transaction((tx) => tx.projects.update('ghost', 'in_progress', { updatedAt: T0 }))).toBe(false);
    });

    it('keeps one progress entry per project and month, the last one saved; lists them newest month first', async () => {
      await store.transaction(async (tx) => {
        await tx.projects.insert(project('pj1'));
        await tx.projects.insert(project('pj2'));
      });
      await store.transaction(async (tx) => {
        await tx.projects.saveProgress({ projectId: 'pj1', month: '2026-10', text: '勘察', percent: 10, authorId: 'admin1', createdAt: T0 - 30 * DAY });
        await tx.projects.saveProgress({ projectId: 'pj1', month: '2026-11', text: '设计', percent: 20, authorId: 'admin1', createdAt: T0 });
        await tx.projects.saveProgress({ projectId: 'pj2', month: '2026-11', text: '开工', percent: 5, authorId: 'admin1', createdAt: T0 });
      });
      // Saved again in November, and read back in the same transaction (the use case returns the project's detail).
      const seen = await store.transaction(async (tx) => {
        await tx.projects.saveProgress({ projectId: 'pj1', month: '2026-11', text: '设计完成', percent: 30, authorId: 'member1', createdAt: T0 + DAY });
        return { list: await tx.projects.listProgress('pj1'), months: await tx.projects.progressMonths(['pj1']) };
      });
      const expected = [
        { projectId: 'pj1', month: '2026-11', text: '设计完成', percent: 30, authorId: 'member1', createdAt: T0 + DAY },
        { projectId: 'pj1', month: '2026-10', text: '勘察', percent: 10, authorId: 'admin1', createdAt: T0 - 30 * DAY },
      ];
      expect(seen.list).toEqual(expected);
      expect(seen.months).toEqual(new Map([['pj1', new Set(['2026-10', '2026-11'])]]));
      expect(await store.read((tx) => tx.projects.listProgress('pj1'))).toEqual(expected);
      expect(await store.read((tx) => tx.projects.listProgress('ghost'))).toEqual([]);
    });

    it('gives the months with progress of many projects, more than 100 entries in all, and empty sets for the rest', async () => {
      const ids = ['pj1', 'pj2', 'pj3'];
      const months = Array.from({ length: 50 }, (_, index) => `${2022 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
      await store.transaction(async (tx) => {
        for (const id of [...ids, 'pj4']) await tx.projects.insert(project(id));
        for (const id of ids) {
          for (const month of months) await tx.projects.saveProgress({ projectId: id, month, text: '进展', percent: 50, authorId: 'admin1', createdAt: T0 });
        }
      });
      const found = await store.read((tx) => tx.projects.progressMonths([...ids, 'pj4', 'ghost']));
      expect(found).toEqual(new Map([...ids.map((id) => [id, new Set(months)] as const), ['pj4', new Set()], ['ghost', new Set()]]));
      expect(await store.read((tx) => tx.projects.progressMonths([]))).toEqual(new Map());
      expect((await store.read((tx) => tx.projects.listProgress('pj2'))).map((entry) => entry.month)).toEqual([...months].reverse());
    });

    it('counts a user’s support once, and tells which projects a user supports (also inside the same transaction)', async () => {
      await store.transaction(async (tx) => {
        await tx.projects.insert(project('pj1'));
        await tx.projects.insert(project('pj2'));
      });
      const first = await store.transaction(async (tx) => ({
        added: await tx.projects.addSupport('pj1', 'resident1', T0),
        supported: await tx.projects.supportedBy('resident1', ['pj1', 'pj2']),
        count: (await tx.projects.get('pj1'))?.supportCount,
      }));
      expect(first).toEqual({ added: true, supported: new Set(['pj1']), count: 1 });
      expect(await store.transaction((tx) => tx.projects.addSupport('pj1', 'resident1', T0 + 1))).toBe(false);
      expect(await store.transaction((tx) => tx.projects.addSupport('pj1', 'resident2', T0 + 2))).toBe(true);
      expect((await store.read((tx) => tx.projects.get('pj1')))?.supportCount).toBe(2);
      expect((await store.read((tx) => tx.projects.get('pj2')))?.supportCount).toBe(0);
      expect(await store.read((tx) => tx.projects.supportedBy('resident1', ['pj1', 'pj2', 'ghost']))).toEqual(new Set(['pj1']));
      expect(await store.read((tx) => tx.projects.supportedBy('resident2', ['pj2']))).toEqual(new Set());
      expect(await store.read((tx) => tx.projects.supportedBy('resident1', []))).toEqual(new Set());
    });

    it('counts 10 racing supports by one user once', async () => {
      await store.transaction((tx) => tx.projects.insert(project('pj1')));
      const results = await Promise.all(Array.from({ length: 10 }, (_, index) => store.transaction((tx) => tx.projects.addSupport('pj1', 'resident1', T0 + index))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.read((tx) => tx.projects.get('pj1')))?.supportCount).toBe(1);
      expect(await store.read((tx) => tx.projects.supportedBy('resident1', ['pj1']))).toEqual(new Set(['pj1']));
    });
  });

  describe('evaluations', () => {
    it('keeps one evaluation per member and period, the last one recorded', async () => {
      await store.transaction(async (tx) => {
        await tx.evaluations.save(evaluation('member1', '2026-Q3', { grade: 'excellent', note: '积极' }));
        await tx.evaluations.save(evaluation('member2', '2026-Q3'));
        await tx.evaluations.save(evaluation('member1', '2026-Q2', { grade: 'basically_qualified' }));
        await tx.evaluations.save(evaluation('resident9', '2026-Q3', { communityId: 'c2' }));
      });
      const seen = await store.transaction(async (tx) => {
        await tx.evaluations.save(evaluation('member1', '2026-Q3', { grade: 'qualified', note: '改正', evaluatedAt: T0 + 5 }));
        return tx.evaluations.listForPeriod('c1', '2026-Q3');
      });
      const corrected = evaluation('member1', '2026-Q3', { grade: 'qualified', note: '改正', evaluatedAt: T0 + 5 });
      const byMember = (list: EvaluationRecord[]) => [...list].sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
      expect(byMember(seen)).toEqual([corrected, evaluation('member2', '2026-Q3')]);
      expect(byMember(await store.read((tx) => tx.evaluations.listForPeriod('c1', '2026-Q3')))).toEqual([corrected, evaluation('member2', '2026-Q3')]);
      expect(await store.read((tx) => tx.evaluations.listForPeriod('c1', '2026-Q1'))).toEqual([]);
      expect(await store.read((tx) => tx.evaluations.listForPeriod('c2', '2026-Q3'))).toEqual([evaluation('resident9', '2026-Q3', { communityId: 'c2' })]);
      expect(await store.read((tx) => tx.evaluations.listForMember('member1'))).toEqual([corrected, evaluation('member1', '2026-Q2', { grade: 'basically_qualified' })]);
      expect(await store.read((tx) => tx.evaluations.listForMember('member3'))).toEqual([]);
    });

    it('lists a period of more than 100 evaluations', async () => {
      await store.transaction(async (tx) => {
        for (let index = 0; index < 120; index++) {
          const id = `m${String(index).padStart(3, '0')}`;
          await tx.users.insert(user(id, { roles: ['resident', 'member'] }));
          await tx.evaluations.save(evaluation(id, '2026-10'));
        }
      });
      const listed = await store.read((tx) => tx.evaluations.listForPeriod('c1', '2026-10'));
      expect(listed.map((item) => item.memberId).sort()).toEqual(Array.from({ length: 120 }, (_, index) => `m${String(index).padStart(3, '0')}`));
    });
  });

  describe('deliberations', () => {
    it('inserts and lists a community’s deliberations newest first, drafts only for admins, over more than 100', async () => {
      const records: DeliberationRecord[] = [];
      await store.transaction(async (tx) => {
        for (let index = 0; index < 125; index++) {
          const record = deliberation(`dl${String(index).padStart(3, '0')}`, {
            createdAt: T0 + Math.floor(index / 3),
            status: (['draft', 'published', 'decided', 'announced'] as const)[index % 4],
            buildingIds: index % 5 === 0 ? ['b1'] : [],
          });
          records.push(record);
          await tx.deliberations.insert(record);
        }
        await tx.deliberations.insert(deliberation('dl_c2', { communityId: 'c2', createdBy: 'resident9' }));
      });
      expect(await store.read((tx) => tx.deliberations.get('dl005'))).toEqual(records[5]);
      expect(await store.read((tx) => tx.deliberations.get('ghost'))).toBeNull();
      const admin = await allPages((page) => store.read((tx) => tx.deliberations.list('c1', true, page)), 9);
      expect(admin).toEqual([...records].sort(newestFirst));
      const residents = await allPages((page) => store.read((tx) => tx.deliberations.list('c1', false, page)), 50);
      expect(residents.map((item) => item.id)).toEqual(records.filter((item) => item.status !== 'draft').sort(newestFirst).map((item) => item.id));
      expect((await store.read((tx) => tx.deliberations.list('c2', true, { limit: 10 }))).items.map((item) => item.id)).toEqual(['dl_c2']);
      expect((await store.read((tx) => tx.deliberations.list('c2', false, { limit: 10 }))).items).toEqual([]);
      await expect(store.transaction((tx) => tx.deliberations.insert(deliberation('dl000')))).rejects.toBeDefined();
    });

    it('moves through its steps only from the expected status (compare-and-set)', async () => {
      await store.transaction(async (tx) => {
        await tx.deliberations.insert(deliberation('dl1'));
        await tx.projects.insert(project('pj1', { source: 'deliberation' }));
      });
      expect(await store.transaction((tx) => tx.deliberations.update('dl1', 'published', { status: 'decided' }))).toBe(false);
      expect(await store.transaction((tx) => tx.deliberations.update('dl1', 'draft', { status: 'published', eligibleCount: 5, publishedAt: T0 + 1 }))).toBe(true);
      expect(await store.transaction((tx) => tx.deliberations.update('dl1', 'draft', { status: 'published', eligibleCount: 9 }))).toBe(false);
      expect(await store.transaction((tx) => tx.deliberations.update('dl1', 'published', { status: 'decided', decision: '通过', actions: '立项', projectId: 'pj1', decidedAt: T0 + 2 }))).toBe(true);
      expect(await store.transaction((tx) => tx.deliberations.update('dl1', 'decided', {}))).toBe(false);
      expect(await store.transaction((tx) => tx.deliberations.update('ghost', 'draft', { status: 'published' }))).toBe(false);
      expect(await store.read((tx) => tx.deliberations.get('dl1'))).toEqual(
        deliberation('dl1', { status: 'decided', eligibleCount: 5, publishedAt: T0 + 1, decision: '通过', actions: '立项', projectId: 'pj1', decidedAt: T0 + 2 }),
      );
    });

    it('finds the residents who may vote: the whole community, or those living in the chosen buildings', async () => {
      await store.transaction(async (tx) => {
        await tx.communities.insertBuilding({ id: 'b2', communityId: 'c1', gridId: 'g2', name: '5 栋' });
        await tx.communities.insertHousehold({ id: 'h4', communityId: 'c1', gridId: 'g2', buildingId: 'b2', address: '5 栋 201' });
        await tx.users.insert(user('resident4', { householdId: 'h4' }));
        await tx.users.insert(user('resident5', { householdId: 'h3' }));
        await tx.users.insert(user('admin2', { householdId: 'h3', roles: ['admin'] }));
        await tx.users.insert(user('resident8', { householdId: null }));
      });
      const voters = (buildingIds: string[]) => store.read((tx) => tx.deliberations.eligibleVoters('c1', buildingIds));
      expect(await voters([])).toEqual(['member1', 'member2', 'member3', 'resident1', 'resident2', 'resident4', 'resident5', 'resident8']);
      expect(await voters(['b1'])).toEqual(['resident1', 'resident2', 'resident5']);
      expect(await voters(['b2'])).toEqual(['resident4']);
      expect(await voters(['b1', 'b2'])).toEqual(['resident1', 'resident2', 'resident4', 'resident5']);
      expect(await voters(['b_none'])).toEqual([]);
      expect(await store.read((tx) => tx.deliberations.eligibleVoters('c2', []))).toEqual(['resident9']);
    });

    it('fixes the voters list when the notice goes out and tells who may vote (also inside that transaction)', async () => {
      await store.transaction((tx) => tx.deliberations.insert(deliberation('dl1')));
      const seen = await store.transaction(async (tx) => {
        await tx.deliberations.saveVoters('dl1', ['resident2', 'resident1', 'member1']);
        return { isVoter: await tx.deliberations.isVoter('dl1', 'resident1'), voters: await tx.deliberations.listVoters('dl1') };
      });
      expect(seen).toEqual({ isVoter: true, voters: ['member1', 'resident1', 'resident2'] });
      // Saving again adds without repeating.
      await store.transaction((tx) => tx.deliberations.saveVoters('dl1', ['resident1', 'member2']));
      expect(await store.read((tx) => tx.deliberations.listVoters('dl1'))).toEqual(['member1', 'member2', 'resident1', 'resident2']);
      expect(await store.read((tx) => tx.deliberations.isVoter('dl1', 'member3'))).toBe(false);
      expect(await store.read((tx) => tx.deliberations.isVoter('dl_other', 'resident1'))).toBe(false);
      expect(await store.read((tx) => tx.deliberations.listVoters('dl_other'))).toEqual([]);
    });

    it('lists more than 100 voters', async () => {
      const ids = Array.from({ length: 150 }, (_, index) => `v${String(index).padStart(3, '0')}`);
      await store.transaction(async (tx) => {
        await tx.deliberations.insert(deliberation('dl1'));
        for (const id of ids) await tx.users.insert(user(id));
      });
      await store.transaction((tx) => tx.deliberations.saveVoters('dl1', [...ids].reverse()));
      expect(await store.read((tx) => tx.deliberations.listVoters('dl1'))).toEqual(ids);
      expect(await store.read((tx) => tx.deliberations.eligibleVoters('c1', []))).toEqual([...['member1', 'member2', 'member3', 'resident1', 'resident2'], ...ids].sort());
    });

    it('takes one vote per resident and lists the votes (also inside the voting transaction)', async () => {
      await store.transaction((tx) => tx.deliberations.insert(deliberation('dl1', { status: 'published' })));
      const seen = await store.transaction(async (tx) => ({
        inserted: await tx.deliberations.insertVote('dl1', 'resident1', 0, T0),
        mine: await tx.deliberations.getVote('dl1', 'resident1'),
        votes: await tx.deliberations.listVotes('dl1'),
      }));
      expect(seen).toEqual({ inserted: true, mine: 0, votes: [0] });
      expect(await store.transaction((tx) => tx.deliberations.insertVote('dl1', 'resident1', 2, T0 + 1))).toBe(false);
      expect(await store.transaction((tx) => tx.deliberations.insertVote('dl1', 'resident2', 2, T0 + 2))).toBe(true);
      expect(await store.read((tx) => tx.deliberations.getVote('dl1', 'resident1'))).toBe(0);
      expect(await store.read((tx) => tx.deliberations.getVote('dl1', 'member1'))).toBeNull();
      expect((await store.read((tx) => tx.deliberations.listVotes('dl1'))).sort()).toEqual([0, 2]);
      expect(await store.read((tx) => tx.deliberations.listVotes('dl_other'))).toEqual([]);
    });

    it('keeps one vote when a resident’s 20 votes race', async () => {
      await store.transaction((tx) => tx.deliberations.insert(deliberation('dl1', { status: 'published' })));
      const results = await Promise.all(Array.from({ length: 20 }, (_, index) => store.transaction((tx) => tx.deliberations.insertVote('dl1', 'resident1', index % 3, T0 + index))));
      expect(results.filter(Boolean)).toHaveLength(1);
      const votes = await store.read((tx) => tx.deliberations.listVotes('dl1'));
      expect(votes).toHaveLength(1);
      expect(await store.read((tx) => tx.deliberations.getVote('dl1', 'resident1'))).toBe(votes[0]);
    });

    it('lists more than 100 votes', async () => {
      const ids = Array.from({ length: 130 }, (_, index) => `v${String(index).padStart(3, '0')}`);
      await store.transaction(async (tx) => {
        await tx.deliberations.insert(deliberation('dl1', { status: 'published' }));
        for (const id of ids) await tx.users.insert(user(id));
      });
      await store.transaction(async (tx) => {
        for (const [index, id] of ids.entries()) await tx.deliberations.insertVote('dl1', id, index % 3, T0 + index);
      });
      const votes = await store.read((tx) => tx.deliberations.listVotes('dl1'));
      expect([...votes].sort()).toEqual(ids.map((_, index) => index % 3).sort());
    });

    it('lists the newest comments first up to a limit (also the one just written)', async () => {
      await store.transaction(async (tx) => {
        await tx.deliberations.insert(deliberation('dl1', { status: 'published' }));
        await tx.deliberations.insert(deliberation('dl2', { status: 'published' }));
        for (let index = 0; index < 110; index++) {
          await tx.deliberations.insertComment({ id: `dc${String(index).padStart(3, '0')}`, deliberationId: 'dl1', userId: 'resident1', text: `意见${index}`, createdAt: T0 + Math.floor(index / 2) });
        }
        await tx.deliberations.insertComment({ id: 'dc_other', deliberationId: 'dl2', userId: 'resident2', text: '别的', createdAt: T0 + 1000 });
      });
      const seen = await store.transaction(async (tx) => {
        await tx.deliberations.insertComment({ id: 'dc_new', deliberationId: 'dl1', userId: 'resident2', text: '同意', createdAt: T0 + 500 });
        return tx.deliberations.listComments('dl1', 3);
      });
      expect(seen).toEqual([
        { id: 'dc_new', deliberationId: 'dl1', userId: 'resident2', text: '同意', createdAt: T0 + 500 },
        { id: 'dc109', deliberationId: 'dl1', userId: 'resident1', text: '意见109', createdAt: T0 + 54 },
        { id: 'dc108', deliberationId: 'dl1', userId: 'resident1', text: '意见108', createdAt: T0 + 54 },
      ]);
      const all = await store.read((tx) => tx.deliberations.listComments('dl1', 200));
      expect(all).toHaveLength(111);
      expect(all.map((comment) => comment.id)).toEqual([...all].sort(newestFirst).map((comment) => comment.id));
      expect((await store.read((tx) => tx.deliberations.listComments('dl2', 10))).map((comment) => comment.id)).toEqual(['dc_other']);
    });
  });

  describe('reports', () => {
    it('reports nothing for a period without requests or postings, and every approved member with zeros', async () => {
      const scope: StatsScope = { communityIds: ['c1'], gridId: null };
      const from = Date.UTC(2026, 9, 31, 16); // 2026-11-01 00:00 in China
      const to = Date.UTC(2026, 11, 31, 16); // 2027-01-01 00:00 in China
      const seen = await store.read(async (tx) => ({
        summary: await tx.reports.requestSummary(scope, from, to),
        monthly: await tx.reports.monthlyCounts(scope, from, to),
        active: await tx.reports.activeMembers(scope, from, to),
        points: await tx.reports.pointsByKind(scope, from, to),
        figures: (await tx.reports.memberFigures('c1', from, to)).sort((a, b) => (a.memberId < b.memberId ? -1 : 1)),
      }));
      expect(seen).toEqual({
        summary: { groups: [], responseMinutes: [], completionMinutes: [], stars: [] },
        monthly: [
          { month: '2026-11', submitted: 0, completed: 0 },
          { month: '2026-12', submitted: 0, completed: 0 },
        ],
        active: 0,
        points: {},
        figures: [
          { memberId: 'member1', name: '党员1', gridId: 'g1', earned: 0, tasksCompleted: 0, ratings: 0, averageRating: null },
          { memberId: 'member2', name: '党员2', gridId: 'g2', earned: 0, tasksCompleted: 0, ratings: 0, averageRating: null },
          { memberId: 'member3', name: '党员3', gridId: 'g1', earned: 0, tasksCompleted: 0, ratings: 0, averageRating: null },
        ],
      });
    });

    it('reports facts, monthly counts, active members, points and member figures of a scope and period', async () => {
      const requestsBuilt = await insertRequests(store, [
        request('r1', { createdAt: T0, state: 'rated', assigneeId: 'member1', acceptedAt: T0 + 10, completedAt: T0 + 20, ratedAt: T0 + 30, ratingStars: 5 }),
        request('r2', { createdAt: T0 + 1, gridId: 'g2', category: 'errand', state: 'completed', assigneeId: 'member2', acceptedAt: T0 + 11, completedAt: T0 + 21 }),
        request('r3', { createdAt: T0 + 2, state: 'rated', assigneeId: 'member1', acceptedAt: T0 + 12, completedAt: T0 + 22, ratedAt: T0 + 32, ratingStars: 2 }),
        request('r4', { createdAt: T0 - 40 * DAY, state: 'submitted' }),
        request('r9', { communityId: 'c2', gridId: 'g9', residentId: 'resident9', filedBy: 'resident9', householdId: null, createdAt: T0 + 3 }),
      ]);
      const ledgerBuilt = await insertLedger(
        store,
        [account('acc_issuance_c1', { kind: 'issuance', ownerId: 'c1', allowNegative: true }), account('acc_member1'), account('acc_member3'), account('acc_shop1', { kind: 'shop', ownerId: 'shop1' })],
        [
          posting('p1', { kind: 'task_completed', amount: 10, createdAt: T0 + 20 }),
          posting('p2', { kind: 'duty', amount: 4, creditAccountId: 'acc_member3', createdAt: T0 + 40 }),
          posting('p3', { kind: 'redemption', amount: 6, debitAccountId: 'acc_member1', creditAccountId: 'acc_shop1', createdAt: T0 + 50 }),
          posting('p4', { kind: 'opening_balance', amount: 100, createdAt: T0 - 40 * DAY }),
        ],
      );
      const from = Date.UTC(2026, 9, 31, 16); // 2026-11-01 in China
      const to = Date.UTC(2026, 10, 30, 16); // 2026-12-01 in China
      const c1: StatsScope = { communityIds: ['c1'], gridId: null };
      const g1: StatsScope = { communityIds: ['c1'], gridId: 'g1' };
      const seen = await store.read(async (tx) => ({
        summary: sortedSummary(await tx.reports.requestSummary(c1, from, to)),
        gridFacts: submittedIn(await tx.reports.requestSummary(g1, from, to)),
        district: submittedIn(await tx.reports.requestSummary({ communityIds: ['c1', 'c2'], gridId: null }, from, to)),
        monthly: await tx.reports.monthlyCounts(c1, T0 - 40 * DAY, to),
        active: await tx.reports.activeMembers(c1, from, to),
        activeG1: await tx.reports.activeMembers(g1, from, to),
        points: await tx.reports.pointsByKind(c1, from, to),
        pointsG1: await tx.reports.pointsByKind(g1, from, to),
        figures: (await tx.reports.memberFigures('c1', from, to)).sort((a, b) => (a.memberId < b.memberId ? -1 : 1)),
      }));
      if (requestsBuilt) {
        expect(seen.summary).toEqual({
          groups: [
            { communityId: 'c1', gridId: 'g1', category: 'repair', state: 'rated', count: 2 },
            { communityId: 'c1', gridId: 'g2', category: 'errand', state: 'completed', count: 1 },
          ],
          // Ten milliseconds each way: zero whole minutes.
          responseMinutes: [{ value: 0, count: 3 }],
          completionMinutes: [{ value: 0, count: 3 }],
          stars: [
            { value: 2, count: 1 },
            { value: 5, count: 1 },
          ],
        });
        expect(seen.gridFacts).toBe(2);
        expect(seen.district).toBe(4);
        expect(seen.monthly).toEqual([
          { month: '2026-09', submitted: 1, completed: 0 },
          { month: '2026-10', submitted: 0, completed: 0 },
          { month: '2026-11', submitted: 3, completed: 3 },
        ]);
      }
      if (requestsBuilt && ledgerBuilt) {
        expect(seen.active).toBe(3);
        expect(seen.activeG1).toBe(2);
      }
      if (ledgerBuilt) {
        expect(seen.points).toEqual({ task_completed: 10, duty: 4, redemption: 6 });
        // Postings touching a g1 member's account: member1's task and redemption, member3's duty.
        expect(seen.pointsG1).toEqual({ task_completed: 10, duty: 4, redemption: 6 });
      }
      if (requestsBuilt && ledgerBuilt) {
        expect(seen.figures).toEqual([
          { memberId: 'member1', name: '党员1', gridId: 'g1', earned: 10, tasksCompleted: 2, ratings: 2, averageRating: 3.5 },
          { memberId: 'member2', name: '党员2', gridId: 'g2', earned: 0, tasksCompleted: 1, ratings: 0, averageRating: null },
          { memberId: 'member3', name: '党员3', gridId: 'g1', earned: 4, tasksCompleted: 0, ratings: 0, averageRating: null },
        ]);
      }
    });
  });
});

describe('ledgers — statistics agree between the stores', () => {
  it('gives the same facts, counts, active members, points and member figures on every store for the same generated data', async () => {
    const opened = await Promise.all(STORE_KINDS.map((kind) => kind.open()));
    try {
      const [reference, ...others] = opened;
      for (const { store } of opened) await seedCommunities(store);
      // What every other store can take (a CloudBase repository may still be a scaffold); the reference gets the same.
      let withRequests = true;
      let withLedger = true;
      for (const { store } of others) {
        withRequests = (await insertRequests(store, reportRequests())) && withRequests;
        withLedger = (await insertLedger(store, reportAccounts(), reportPostings())) && withLedger;
      }
      if (withRequests) await insertRequests(reference.store, reportRequests());
      if (withLedger) await insertLedger(reference.store, reportAccounts(), reportPostings());
      const expected = await allReports(reference.store);
      for (const { store } of others) expect(await allReports(store)).toEqual(expected);
    } finally {
      for (const store of opened) await store.close();
    }
  });
});
