/**
 * `npm run create-community -- --name 幸福里社区 --lat 30.2741 --lng 120.1551 --admin-openid o_xxx [--dry-run]`
 *
 * Going live: writes the first community, its first grid and its first admin to the CloudBase
 * database through the same store the functions use, in one transaction, then prints the
 * community's QR scene (`c=<id>`). Everything after that (more grids, buildings, members, shops,
 * service points, printable QR codes) is done in the app by this admin (社区管理).
 *
 * Options: --admin-name (default 社区管理员), --admin-phone, --grid-name (default 第一网格),
 * --district (district id, default d_default). Needs TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY
 * unless --dry-run, which only prints the records.
 */
import type { CommunityRecord, GridRecord, Store, UserRecord } from '../src/server/ports';
import { newId } from '../src/server/ids';
import { buildScene, SCENE_MAX_LENGTH } from '../src/shared/domain/scene';
import { checkEnvironment, failWith, readOption } from './command-runner';
import { DEPLOY_ENV } from './deploy';

export interface CommunityPlan {
  community: CommunityRecord;
  grid: GridRecord;
  admin: UserRecord;
  scene: string;
}

export interface CommunityArgs {
  name: string;
  lat: number;
  lng: number;
  adminOpenid: string;
  adminName: string;
  adminPhone: string;
  gridName: string;
  districtId: string;
}

/** Reads and checks the arguments; every problem at once, in Chinese and English. */
export function parseArgs(argv: readonly string[]): { args: CommunityArgs; problems: string[] } {
  const problems: string[] = [];
  const text = (name: string, fallback?: string): string => (readOption(argv, name) ?? fallback ?? '').trim();
  const name = text('name');
  const latText = text('lat');
  const lngText = text('lng');
  const adminOpenid = text('admin-openid');
  const adminName = text('admin-name', '社区管理员');
  const adminPhone = text('admin-phone');
  const gridName = text('grid-name', '第一网格');
  const districtId = text('district', 'd_default');
  const lat = Number(latText);
  const lng = Number(lngText);

  if (name.length < 2 || name.length > 30) problems.push('--name：社区名称，2 到 30 个字 / community name, 2–30 characters');
  // GCJ-02, as wx.getLocation({ type: 'gcj02' }) and Tencent's coordinate picker give it; mainland China's bounds.
  if (latText === '' || !Number.isFinite(lat) || lat < 3 || lat > 54) problems.push('--lat：社区中心纬度（GCJ-02，例如 30.2741）/ centre latitude, GCJ-02');
  if (lngText === '' || !Number.isFinite(lng) || lng < 73 || lng > 136) problems.push('--lng：社区中心经度（GCJ-02，例如 120.1551）/ centre longitude, GCJ-02');
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(adminOpenid)) problems.push('--admin-openid：管理员在本小程序的 OPENID（云开发控制台 → 运营分析 → 用户访问）/ the admin\'s OPENID in this mini-program');
  if (adminName.length < 1 || adminName.length > 20) problems.push('--admin-name：管理员姓名，1 到 20 个字 / admin name, 1–20 characters');
  if (adminPhone !== '' && !/^1\d{10}$/.test(adminPhone)) problems.push('--admin-phone：11 位手机号 / an 11-digit mobile number');
  if (gridName.length < 1 || gridName.length > 20) problems.push('--grid-name：网格名称，1 到 20 个字 / grid name, 1–20 characters');
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(districtId)) problems.push('--district：街道/区的编号，字母数字 / district id, letters and digits');
  return { args: { name, lat, lng, adminOpenid, adminName, adminPhone, gridName, districtId }, problems };
}

/** The three records, with fresh ids; the same shapes the app itself writes. */
export function planCommunity(args: CommunityArgs, now: number): CommunityPlan {
  const community: CommunityRecord = {
    id: newId('c'),
    districtId: args.districtId,
    name: args.name,
    center: { lat: args.lat, lng: args.lng },
    dispatchPolicy: null,
    settings: null,
    earningRules: null,
    createdAt: now,
  };
  const grid: GridRecord = { id: newId('g'), communityId: community.id, name: args.gridName };
  const admin: UserRecord = {
    id: newId('u'),
    openid: args.adminOpenid,
    name: args.adminName,
    phone: args.adminPhone,
    communityId: community.id,
    gridId: null,
    householdId: null,
    roles: ['admin', 'resident'],
    address: '',
    home: null,
    createdAt: now,
  };
  const scene = buildScene({ kind: 'community', id: community.id });
  if (scene.length > SCENE_MAX_LENGTH) throw new Error(`scene ${scene} is longer than ${SCENE_MAX_LENGTH}`);
  return { community, grid, admin, scene };
}

/** One transaction: nothing is half-written if the admin already belongs somewhere. */
export async function writeCommunity(store: Store, plan: CommunityPlan): Promise<void> {
  await store.transaction(async (tx) => {
    const existing = await tx.users.getByOpenid(plan.admin.openid);
    if (existing) throw new Error(`这个 OPENID 已是 ${existing.communityId} 社区的用户「${existing.name}」，一个微信号只能属于一个社区 / this OPENID already belongs to community ${existing.communityId}`);
    await tx.communities.insert(plan.community);
    await tx.communities.insertGrid(plan.grid);
    await tx.users.insert(plan.admin);
  });
}

async function openCloudStore(env: NodeJS.ProcessEnv): Promise<Store> {
  // Loaded only for a real run, so --dry-run needs neither credentials nor the SDK.
  const tcb = await import('@cloudbase/node-sdk');
  const { createCloudbaseStore } = await import('../src/server/adapters/cloudbase/cloudbase-store');
  const { createNodeSdkDocDb } = await import('../src/server/adapters/cloudbase/node-sdk-doc-db');
  const app = tcb.init({ env: env.TCB_ENV_ID, secretId: env.TCB_SECRET_ID, secretKey: env.TCB_SECRET_KEY });
  return createCloudbaseStore(createNodeSdkDocDb(app.database()));
}

function printPlan(plan: CommunityPlan): void {
  console.log('社区 / community:', JSON.stringify(plan.community, null, 2));
  console.log('网格 / grid:', JSON.stringify(plan.grid, null, 2));
  console.log('管理员 / admin:', JSON.stringify(plan.admin, null, 2));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dryRun = argv.includes('--dry-run');
  const { args, problems } = parseArgs(argv);
  if (!dryRun) problems.push(...checkEnvironment(DEPLOY_ENV.filter((requirement) => requirement.name.startsWith('TCB_'))));
  if (problems.length > 0) failWith(problems, '无法创建社区，请先处理以下问题 / Cannot create the community yet:');

  const plan = planCommunity(args, Date.now());
  if (dryRun) {
    console.log('演练模式：只打印将写入的记录 / dry run: records only\n');
    printPlan(plan);
  } else {
    await writeCommunity(await openCloudStore(process.env), plan);
    console.log(`已在云开发环境 ${process.env.TCB_ENV_ID} 创建 / created in ${process.env.TCB_ENV_ID}:\n`);
    printPlan(plan);
  }
  console.log(`\n社区二维码的 scene / the community QR scene: ${plan.scene}`);
  console.log('管理员重新打开小程序即进入“社区管理”；在“社区二维码”页生成并打印社区码（居民扫码加入），再添加网格、楼栋、服务点和积分超市。');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
