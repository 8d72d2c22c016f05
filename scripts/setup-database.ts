/**
 * `npm run setup-database [-- --dry-run]`: makes the environment's database match
 * `cloudbase/database/`: creates missing collections, creates (or re-creates, when changed) their
 * indexes, including the 2dsphere ones "nearby" needs, and sets every collection's security rule.
 * Safe to run again: what already matches is left alone. `npm run deploy` runs it after the functions.
 *
 * Needs TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY in the environment.
 */
import { mapLimit } from '../src/server/adapters/cloudbase/map-limit';
import { checkEnvironment, failWith } from './command-runner';
import { createManagerDatabaseAdmin, type DatabaseAdmin } from './database-admin';
import { describeIndexKeys, readDatabaseDefinitions, type DatabaseDefinitions } from './database-definitions';
import { planDatabase, type DatabasePlan, type DatabaseStep, type ExistingIndex } from './database-plan';
import { DEPLOY_ENV } from './deploy';

/** Reading each collection's state is one or two calls; a few at a time keeps within the API's rate limit. */
const READ_CONCURRENCY = 5;

async function readExisting(admin: DatabaseAdmin, names: readonly string[]): Promise<Map<string, ExistingIndex[] | null>> {
  const states = await mapLimit(names, READ_CONCURRENCY, (name) => admin.describeCollection(name));
  return new Map(names.map((name, index) => [name, states[index]]));
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

/** Reads the environment, plans, and (unless a dry run) carries out the plan in order. */
export async function setupDatabase(admin: DatabaseAdmin, definitions: DatabaseDefinitions, options: SetupOptions = {}): Promise<DatabasePlan> {
  const prefix = options.prefix ?? '';
  const log = options.log ?? (() => undefined);
  const existing = await readExisting(admin, definitions.collections.map((definition) => prefix + definition.collection));
  const plan = planDatabase(definitions.collections, existing, definitions.securityRule, prefix);
  for (const [index, step] of plan.steps.entries()) {
    log(`${options.dryRun ? '# ' : ''}${index + 1}/${plan.steps.length} ${describeStep(step)}`);
    if (!options.dryRun) await apply(admin, step);
  }
  for (const extra of plan.extraIndexes) log(`保留未定义的索引 / left as is (not in cloudbase/database/): ${extra.collection}.${extra.name}`);
  return plan;
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const problems = checkEnvironment(DEPLOY_ENV.filter((requirement) => requirement.name.startsWith('TCB_')));
  if (problems.length > 0) failWith(problems, '无法设置数据库，请先处理以下问题 / Cannot set up the database yet:');
  const { TCB_ENV_ID: envId = '', TCB_SECRET_ID: secretId = '', TCB_SECRET_KEY: secretKey = '' } = process.env;
  const definitions = readDatabaseDefinitions();
  console.log(`${dryRun ? '演练模式：只读取并列出要做的修改 / dry run: reads and lists the changes\n' : ''}数据库 / database of ${envId}: ${definitions.collections.length} 个集合 / collections`);
  const plan = await setupDatabase(createManagerDatabaseAdmin({ envId, secretId, secretKey }), definitions, { dryRun, log: (line) => console.log(line) });
  const changes = plan.steps.filter((step) => step.kind !== 'setSecurityRule').length;
  console.log(`\n${dryRun ? '将要' : '已'}新建或修改 ${changes} 项（集合、索引），并为 ${definitions.collections.length} 个集合设置安全规则。/ ${changes} collection or index changes${dryRun ? ' to make' : ' made'}.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const code = typeof error === 'object' && error !== null && 'code' in error ? ` [${String((error as { code: unknown }).code)}]` : '';
    failWith([`云开发接口返回错误${code}：${error instanceof Error ? error.message : String(error)}\n    The CloudBase API refused; nothing after this step was done. Fix it and run again (finished steps are skipped).`], '数据库设置失败 / Database setup failed');
  });
}
