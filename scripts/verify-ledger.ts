/**
 * `npm run ledger:verify`: checks the points ledger of the local database (DATA_DIR, default .data)
 * against its invariants and exits non-zero when anything is off.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../src/server/adapters/sqlite/sqlite-store';
import { verifyLedger } from '../src/server/points-ledger/verify-ledger';

async function main(): Promise<number> {
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
  const file = join(dataDir, 'daiban.sqlite');
  if (!existsSync(file)) {
    console.error(`没有找到数据库：${file}（先运行 npm start，或用 DATA_DIR 指定数据目录）`);
    return 2;
  }
  const store = openSqliteStore(file);
  try {
    const report = await store.read((tx) => verifyLedger(tx, null, Date.now()));
    console.log(`积分账目核对：${report.communities} 个社区，${report.accounts} 个账户，${report.postings} 笔流水`);
    if (report.problems.length === 0) {
      console.log('结果：账目平衡，没有发现问题。');
      return 0;
    }
    console.log(`结果：发现 ${report.problems.length} 个问题：`);
    for (const problem of report.problems) console.log(`- [${problem.communityId}] ${problem.accountId ?? '社区合计'}：${problem.message}`);
    return 1;
  } finally {
    store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
