/**
 * `npm run setup-database [-- --dry-run]`: makes the environment's database match
 * `cloudbase/database/`: creates missing collections, creates (or re-creates, when changed) their
 * indexes, including the 2dsphere ones "nearby" needs, then, only once every collection and index is
 * there, sets each collection's security rule where it differs and reads every rule back to confirm.
 * Last it checks cloud storage's permission (photos and exports are read by the mini-program).
 * Safe to run again: what already matches is left alone. `npm run deploy` runs it after the functions.
 * The dry run reads the same state and fails the same way on a refused key or an unknown environment.
 *
 * Needs TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY in the environment.
 */
import { mapLimit } from '../src/shared/map-limit';
import { checkEnvironment, failWith } from './command-runner';
import { apiErrorCode } from './api-errors';
import { createManagerDatabaseAdmin, type DatabaseAdmin } from './database-admin';
import { describeIndexKeys, readDatabaseDefinitions, type DatabaseDefinitions } from './database-definitions';
import { planDatabase, sameRule, type DatabasePlan, type DatabaseStep, type ExistingCollection } from './database-plan';
import { DEPLOY_ENV } from './deploy';

/** Reading each collection's state is one or two calls; a few at a time keeps within the API's rate limit. */
const READ_CONCURRENCY = 5;

/** Every collection's indexes and (when it exists) its rule; any error but "not found" stops the run. */
async function readExisting(admin: DatabaseAdmin, names: readonly string[]): Promise<Map<string, ExistingCollection | null>> {
  const states = await mapLimit(names, READ_CONCURRENCY, async (name): Promise<ExistingCollection | null> => {
    const indexes = await admin.describeCollection(name);
    if (indexes === null) return null;
    return { indexes, rule: await admin.describeSecurityRule(name) };
  });
  return new Map(names.map((name, index) => [name, states[index]]));
}

/** Storage permissions the app works with: the mini-program uploads photos, and reads photos and exports by fileID. */
const STORAGE_ACL_NAMES: Readonly<Record<string, string>> = {
  READONLY: '所有用户可读，仅创建者及管理员可写',
  PRIVATE: '仅创建者及管理员可读写',
  ADMINWRITE: '所有用户可读，仅管理员可写',
  ADMINONLY: '仅管理员可读写',
  CUSTOM: '自定义安全规则',
};

/** A problem with cloud storage's permission, or null when it is the one the app needs (READONLY). */
export function storageAclProblem(acl: string): string | null {
  if (acl === 'READONLY') return null;
  const name = STORAGE_ACL_NAMES[acl] ?? acl;
  if (acl === 'CUSTOM') {
    return `云存储权限是“${name}”，无法自动确认：请确认所有用户可读、用户可写自己上传的文件（完成照片），否则居民看不到照片、管理员打不开导出的 Excel。确认无误可改回“${STORAGE_ACL_NAMES.READONLY}”后重新运行。`;
  }
  return `云存储权限是“${name}”，小程序${acl === 'PRIVATE' || acl === 'ADMINONLY' ? '读不到别人上传的完成照片和函数生成的导出文件（Excel）' : '无法上传完成照片'}。请在云开发控制台 → 存储 → 权限设置 改为“${STORAGE_ACL_NAMES.READONLY}”，再运行 npm run setup-database。`;
}

export function describeStep(step: DatabaseStep): string {
  switch (step.kind) {
    case 'createCollection':
      return `新建集合 / create collection ${step.collection}`;
    case 'dropIndexes':
      return `删除已变更的索引 / drop changed indexes ${step.collection}: ${step.names.join(', ')}`;
    case 'createIndexes':
      return `新建索引 / create indexes ${step.collection}: ${step.indexes.map((index) => `${index.name} (${describeIndexKeys(index)}${index.unique ? ', unique' : ''})`).join('; ')}`;
    case 'setSecurityRule':
      return `安全规则 / security rule ${step.collection}: ${step.rule}`;
  }
}

async function apply(admin: DatabaseAdmin, step: DatabaseStep): Promise<void> {
  switch (step.kind) {
    case 'createCollection':
      return admin.createCollection(step.collection);
    case 'dropIndexes':
      return admin.dropIndexes(step.collection, step.names);
    case 'createIndexes':
      return admin.createIndexes(step.collection, step.indexes);
    case 'setSecurityRule':
      return admin.setSecurityRule(step.collection, step.rule);
  }
}

export interface SetupOptions {
  /** Collection name prefix (the live test suite's fresh set); none in production. */
  prefix?: string;
  dryRun?: boolean;
  log?: (line: string) => void;
}

export interface SetupResult {
  plan: DatabasePlan;
  /** Collections whose rule, read back after setting, is not ours (empty in a dry run). */
  unconfirmedRules: string[];
}

/**
 * Reads the environment, plans, and (unless a dry run) carries out the plan in order: collections
 * and indexes, then rules; then reads every collection's rule back.
 */
export async function setupDatabase(admin: DatabaseAdmin, definitions: DatabaseDefinitions, options: SetupOptions = {}): Promise<SetupResult> {
  const prefix = options.prefix ?? '';
  const log = options.log ?? (() => undefined);
  const names = definitions.collections.map((definition) => prefix + definition.collection);
  const existing = await readExisting(admin, names);
  const plan = planDatabase(definitions.collections, existing, definitions.securityRule, prefix);
  for (const [index, step] of plan.steps.entries()) {
    log(`${options.dryRun ? '# ' : ''}${index + 1}/${plan.steps.length} ${describeStep(step)}`);
    if (!options.dryRun) await apply(admin, step);
  }
  for (const extra of plan.extraIndexes) log(`保留未定义的索引 / left as is (not in cloudbase/database/): ${extra.collection}.${extra.name}`);
  if (options.dryRun) return { plan, unconfirmedRules: [] };

  const rules = await mapLimit(names, READ_CONCURRENCY, (name) => admin.describeSecurityRule(name));
  const unconfirmedRules = names.filter((_name, index) => !sameRule(rules[index], definitions.securityRule));
  if (unconfirmedRules.length === 0) log(`安全规则已读回确认 / rules read back: ${names.length} 个集合都是 ${definitions.securityRule}`);
  return { plan, unconfirmedRules };
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const problems = checkEnvironment(DEPLOY_ENV.filter((requirement) => requirement.name.startsWith('TCB_')));
  if (problems.length > 0) failWith(problems, '无法设置数据库，请先处理以下问题 / Cannot set up the database yet:');
  const { TCB_ENV_ID: envId = '', TCB_SECRET_ID: secretId = '', TCB_SECRET_KEY: secretKey = '' } = process.env;
  const definitions = readDatabaseDefinitions();
  console.log(`${dryRun ? '演练模式：只读取并列出要做的修改 / dry run: reads and lists the changes\n' : ''}数据库 / database of ${envId}: ${definitions.collections.length} 个集合 / collections`);
  const admin = createManagerDatabaseAdmin({ envId, secretId, secretKey });
  const { plan, unconfirmedRules } = await setupDatabase(admin, definitions, { dryRun, log: (line) => console.log(line) });
  const changes = plan.steps.filter((step) => step.kind !== 'setSecurityRule').length;
  const ruleChanges = plan.steps.length - changes;
  console.log(`\n${dryRun ? '将要' : '已'}新建或修改 ${changes} 项（集合、索引），${dryRun ? '将要' : '已'}设置 ${ruleChanges} 个集合的安全规则。/ ${changes} collection or index changes, ${ruleChanges} rules${dryRun ? ' to make' : ' set'}.`);

  const after: string[] = [];
  if (unconfirmedRules.length > 0) {
    after.push(`这些集合的安全规则读回来不是 ${definitions.securityRule}：${unconfirmedRules.join(', ')}。请在云开发控制台 → 数据库 → 集合 → 数据权限 检查，然后重新运行 npm run setup-database。\n    Rules not confirmed on read-back.`);
  }
  const storage = storageAclProblem(await admin.describeStorageAcl());
  if (storage) after.push(`${storage}\n    Cloud storage permission is not READONLY.`);
  else console.log('云存储权限：所有用户可读，仅创建者及管理员可写（照片与导出可读）/ storage: READONLY');
  if (after.length > 0) failWith(after, '数据库设置未完成 / Database setup not finished');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const code = apiErrorCode(error);
    failWith(
      [
        `云开发接口返回错误${code ? ` [${code}]` : ''}：${error instanceof Error ? error.message : String(error)}\n    The CloudBase API refused; nothing after this step was done. Check TCB_ENV_ID and the API key, fix it and run again (finished steps are skipped).`,
      ],
      '数据库设置失败 / Database setup failed',
    );
  });
}
