import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import shippedTemplates from '../../config/subscribe-templates.json';
import { openSqliteStore, type SqliteStore } from '../../src/server/adapters/sqlite/sqlite-store';
import { isDeployerCall } from '../../src/server/adapters/cloudbase/cloudbase-runtime';
import { answerProbe, classifyProbeError, isProbeEvent, PROBE_OPENID, PROBE_SCENE, PROBE_TEXT, probeCloudCalls } from '../../src/server/adapters/cloudbase/wechat/cloud-call-probe';
import { createCloudFiles, EXPORT_TTL_S } from '../../src/server/adapters/cloudbase/wechat/cloud-files';
import { createMsgSecCheck, MSG_SEC_CHECK_MAX_CHARS } from '../../src/server/adapters/cloudbase/wechat/msg-sec-check';
import { createSubscribeNotifier, parseSubscribeTemplates } from '../../src/server/adapters/cloudbase/wechat/subscribe-notifier';
import type {
  AccountTemplate,
  GetUnlimitedParams,
  MiniprogramState,
  MsgSecCheckParams,
  MsgSecCheckResult,
  SubscribeSendParams,
  TempFileItem,
  WxCloud,
} from '../../src/server/adapters/cloudbase/wechat/wx-cloud';
import { envSetting, wxErrorCode } from '../../src/server/adapters/cloudbase/wechat/wx-cloud';
import { createWxQrCodes, qrCloudPath, qrImageFormat, sceneFileName } from '../../src/server/adapters/cloudbase/wechat/wx-qr-codes';
import type { Clock, OutboxRecord, Runtime } from '../../src/server/ports';
import { pushSetupProblemOf } from '../../src/server/use-cases/scheduler/deliver-outbox';
import { AppError } from '../../src/shared/errors';
import { seedCommunities, T0 } from '../store/fixtures';

/**
 * The WeChat side, faked at the one seam the adapters use (wx-cloud.ts): it records each call and
 * answers as wx-server-sdk does, failures included (an Error carrying `errCode` and `errMsg`).
 */

/** What wx-server-sdk throws when WeChat answers with an errcode (its CloudSDKError). */
class CloudSDKError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
  }
}

const ENV_BUCKET = 'prod-7g2k.7072-prod-7g2k-1320000000';

interface CallParams {
  'subscribeMessage.send': SubscribeSendParams;
  'subscribeMessage.getTemplateList': Record<string, never>;
  'wxacode.getUnlimited': GetUnlimitedParams;
  'security.msgSecCheck': MsgSecCheckParams;
  uploadFile: { cloudPath: string; bytes: number };
  getTempFileURL: { fileList: { fileID: string; maxAge: number }[] };
  deleteFile: { fileList: string[] };
  fileIdOf: { cloudPath: string };
}
type Call = { [A in keyof CallParams]: { api: A; params: CallParams[A] } }[keyof CallParams];

class FakeWxCloud implements WxCloud {
  readonly calls: Call[] = [];
  /** Cloud storage: fileID → content. */
  readonly storage = new Map<string, Buffer>();
  /** Errors the next sends throw, in order (then they succeed). */
  sendFailures: Error[] = [];
  /** Answers of the next msgSecCheck calls, in order (an Error is thrown). */
  secAnswers: (MsgSecCheckResult | Error)[] = [];
  /** What getTemplateList answers: the account's templates, or this error. */
  accountTemplates: AccountTemplate[] = [];
  templateListFailure: Error | null = null;
  /** Thrown by every getUnlimited call when set. */
  codeFailure: Error | null = null;

  readonly openapi: WxCloud['openapi'] = {
    subscribeMessage: {
      send: async (params) => {
        this.calls.push({ api: 'subscribeMessage.send', params });
        const failure = this.sendFailures.shift();
        if (failure) throw failure;
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
      },
      getTemplateList: async (params) => {
        this.calls.push({ api: 'subscribeMessage.getTemplateList', params });
        if (this.templateListFailure) throw this.templateListFailure;
        return { data: this.accountTemplates, errCode: 0, errMsg: 'openapi.subscribeMessage.getTemplateList:ok' };
      },
    },
    wxacode: {
      getUnlimited: async (params) => {
        this.calls.push({ api: 'wxacode.getUnlimited', params });
        if (this.codeFailure) throw this.codeFailure;
        // What WeChat sends by default: a JPEG (its SOI marker, then a JFIF header).
        return { contentType: 'image/jpeg', buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF ${params.scene}`)]), errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' };
      },
    },
    security: {
      msgSecCheck: async (params) => {
        this.calls.push({ api: 'security.msgSecCheck', params });
        const answer = this.secAnswers.shift() ?? { result: { suggest: 'pass', label: 100 } };
        if (answer instanceof Error) throw answer;
        return { ...answer, errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok' };
      },
    },
  };

  async uploadFile(params: { cloudPath: string; fileContent: Buffer }) {
    this.calls.push({ api: 'uploadFile', params: { cloudPath: params.cloudPath, bytes: params.fileContent.length } });
    const fileID = `cloud://${ENV_BUCKET}/${params.cloudPath}`;
    this.storage.set(fileID, params.fileContent);
    return { fileID };
  }

  async getTempFileURL(params: { fileList: { fileID: string; maxAge: number }[] }) {
    this.calls.push({ api: 'getTempFileURL', params });
    const fileList: TempFileItem[] = params.fileList.map(({ fileID, maxAge }) =>
      this.storage.has(fileID)
        ? { fileID, status: 0, errMsg: 'ok', tempFileURL: `https://7072-prod-7g2k-1320000000.tcb.qcloud.la/${fileID.split('/').slice(3).join('/')}?sign=s1&t=${maxAge}` }
        : { fileID, status: -503003, errMsg: 'storage file not exists', tempFileURL: '' },
    );
    return { fileList };
  }

  async deleteFile(params: { fileList: string[] }) {
    this.calls.push({ api: 'deleteFile', params });
    return { fileList: params.fileList.map((fileID) => ({ fileID, status: this.storage.delete(fileID) ? 0 : -503003 })) };
  }

  async fileIdOf(cloudPath: string) {
    this.calls.push({ api: 'fileIdOf', params: { cloudPath } });
    return `cloud://${ENV_BUCKET}/${cloudPath}`;
  }

  callsTo<A extends keyof CallParams>(api: A): CallParams[A][] {
    return this.calls.filter((call) => call.api === api).map((call) => call.params as CallParams[A]);
  }
}

const TEMPLATES = {
  task: { templateId: 'tmpl-task-001', page: 'pages/tasks/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
  progress: { templateId: 'tmpl-progress-002', page: 'pages/request/mine/index', fields: { thing1: 'title', phrase2: 'body', time3: 'createdAt', character_string4: 'body' } },
  notice: { templateId: '', page: 'pages/inbox/index', fields: { thing1: 'title', thing2: 'body', time3: 'createdAt' } },
};

const clock: Clock = { now: () => T0 };
let dir: string;
let store: SqliteStore;
let cloud: FakeWxCloud;
let logged: { level: string; message: string }[];
const log: Runtime['log'] = (level, message) => {
  logged.push({ level, message });
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'daiban-wechat-'));
  store = openSqliteStore(join(dir, 'store.sqlite'));
  await seedCommunities(store);
  cloud = new FakeWxCloud();
  logged = [];
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function notifier(options: { templates?: unknown; state?: MiniprogramState } = {}) {
  return createSubscribeNotifier({ cloud, store, clock, log, miniprogramState: () => options.state ?? 'formal', templates: options.templates ?? TEMPLATES });
}

let messageCounter = 0;
function message(overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  messageCounter++;
  return {
    id: `n_${messageCounter}`,
    userId: 'resident1',
    kind: 'request_accepted',
    title: '您的诉求已被接单，党员王建国将尽快上门处理',
    body: '已接单：楼道灯不亮（3 栋 2 单元）',
    requestId: 'r_1',
    createdAt: T0,
    readAt: null,
    deliveredAt: null,
    channel: null,
    ...overrides,
  };
}

const grant = (userId: string, keys: string[]) => store.transaction((tx) => tx.subscriptions.grant(userId, keys, T0));
const remaining = (userId: string, key: string) => store.read((tx) => tx.subscriptions.count(userId, key));

describe('subscribe-message notifier', () => {
  test('fills the template, cut to the field limits, and sends it to the member with the template id and page', async () => {
    await grant('resident1', ['progress']);
    expect(await notifier({ state: 'trial' }).deliver(message())).toBe('subscribe');
    expect(cloud.callsTo('subscribeMessage.send')).toEqual([
      {
        touser: 'openid-resident1',
        templateId: 'tmpl-progress-002',
        page: 'pages/request/mine/index?id=r_1',
        data: {
          thing1: { value: '您的诉求已被接单，党员王建国将尽快上门…' },
          phrase2: { value: '已接单楼道' },
          time3: { value: '2026年11月2日 09:00' },
          character_string4: { value: '32' },
        },
        miniprogramState: 'trial',
        lang: 'zh_CN',
      },
    ]);
    expect(await remaining('resident1', 'progress')).toBe(0);
  });

  test('a message without a request opens the template page as it is', async () => {
    await grant('member1', ['task']);
    expect(await notifier().deliver(message({ userId: 'member1', kind: 'offered', requestId: null, title: '有新的代办任务', body: '水管漏水' }))).toBe('subscribe');
    const [sent] = cloud.callsTo('subscribeMessage.send');
    expect(sent).toMatchObject({ touser: 'openid-member1', templateId: 'tmpl-task-001', page: 'pages/tasks/index', miniprogramState: 'formal' });
    expect(sent.data).toEqual({ thing1: { value: '有新的代办任务' }, thing2: { value: '水管漏水' }, time3: { value: '2026年11月2日 09:00' } });
  });

  test('no authorisation left: the inbox, and WeChat is not called', async () => {
    expect(await notifier().deliver(message())).toBe('inbox');
    await grant('resident1', ['task']); // a different template does not count
    expect(await notifier().deliver(message())).toBe('inbox');
    expect(cloud.calls).toEqual([]);
    expect(await remaining('resident1', 'task')).toBe(1);
  });

  test('WeChat says 43101 (none left on its side): the inbox, and the count is reset', async () => {
    await grant('resident1', ['progress']);
    await grant('resident1', ['progress']);
    cloud.sendFailures.push(new CloudSDKError(43101, 'openapi.subscribeMessage.send:fail user refuse to accept the msg rid: 6543'));
    expect(await notifier().deliver(message())).toBe('inbox');
    expect(cloud.callsTo('subscribeMessage.send')).toHaveLength(1);
    expect(await remaining('resident1', 'progress')).toBe(0);
    // Nothing left now: the next message is not even tried.
    expect(await notifier().deliver(message())).toBe('inbox');
    expect(cloud.callsTo('subscribeMessage.send')).toHaveLength(1);
  });

  test('one granted authorisation is used exactly once, even by deliveries running side by side', async () => {
    await grant('resident1', ['progress']);
    const push = notifier();
    const channels = await Promise.all([push.deliver(message()), push.deliver(message()), push.deliver(message())]);
    expect(channels.sort()).toEqual(['inbox', 'inbox', 'subscribe']);
    expect(cloud.callsTo('subscribeMessage.send')).toHaveLength(1);
    expect(await remaining('resident1', 'progress')).toBe(0);

    await grant('resident1', ['progress', 'task']);
    expect(await push.deliver(message())).toBe('subscribe');
    expect(await push.deliver(message())).toBe('inbox');
    expect(await remaining('resident1', 'task')).toBe(1);
  });

  test('a template this environment has not configured (empty id), or a kind without a template: the inbox, nothing used', async () => {
    await grant('resident1', ['notice', 'progress']);
    expect(await notifier().deliver(message({ kind: 'points_awarded' }))).toBe('inbox');
    expect(await notifier().deliver(message({ kind: 'welcome' }))).toBe('inbox');
    // The shipped config has no template ids at all.
    expect(await notifier({ templates: shippedTemplates }).deliver(message())).toBe('inbox');
    expect(cloud.calls).toEqual([]);
    expect(await remaining('resident1', 'notice')).toBe(1);
    expect(await remaining('resident1', 'progress')).toBe(1);
  });

  test('a passing failure throws, so the scheduler retries, and gives the authorisation back', async () => {
    await grant('resident1', ['progress']);
    cloud.sendFailures.push(new CloudSDKError(-1, 'openapi.subscribeMessage.send:fail system error'));
    await expect(notifier().deliver(message())).rejects.toThrow(/system error/);
    expect(await remaining('resident1', 'progress')).toBe(1);
    expect(await notifier().deliver(message())).toBe('subscribe');
    expect(await remaining('resident1', 'progress')).toBe(0);
  });

  test('a failure that would repeat on every retry (bad field value) goes to the inbox, logged, authorisation kept', async () => {
    await grant('resident1', ['progress']);
    cloud.sendFailures.push(new CloudSDKError(47003, 'openapi.subscribeMessage.send:fail argument invalid! data.thing1.value invalid'));
    expect(await notifier().deliver(message())).toBe('inbox');
    expect(await remaining('resident1', 'progress')).toBe(1);
    expect(logged).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('47003') })]);
  });

  test('a member without an openid is left to the inbox', async () => {
    expect(await notifier().deliver(message({ userId: 'nobody' }))).toBe('inbox');
    expect(cloud.calls).toEqual([]);
  });

  test('the template file is checked: a broken one is reported and keeps templated messages undelivered', async () => {
    expect(parseSubscribeTemplates(shippedTemplates)).toMatchObject({ ok: true });
    expect(parseSubscribeTemplates(TEMPLATES)).toMatchObject({ ok: true });
    const broken = [
      { ...TEMPLATES, task: { ...TEMPLATES.task, fields: { time3: 'title' } } },
      { ...TEMPLATES, task: { ...TEMPLATES.task, fields: { amount1: 'title' } } },
      { ...TEMPLATES, task: { ...TEMPLATES.task, page: 'pages/tasks/index?x=1' } },
      { ...TEMPLATES, task: { ...TEMPLATES.task, fields: {} } },
      { task: TEMPLATES.task, progress: TEMPLATES.progress },
    ];
    for (const templates of broken) expect(parseSubscribeTemplates(templates)).toMatchObject({ ok: false, message: expect.stringContaining('subscribe-templates.json') });

    await grant('resident1', ['progress']);
    const push = notifier({ templates: broken[0] });
    expect(logged[0]).toMatchObject({ level: 'error' });
    const failure = await push.deliver(message()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/subscribe-templates\.json/);
    // A set-up problem: the scheduler backs off and tells the admins instead of retrying every minute.
    expect(pushSetupProblemOf(failure)).toMatchObject({ kind: 'configuration', code: null, hint: expect.stringContaining('重新部署') });
    expect(await push.deliver(message({ kind: 'welcome' }))).toBe('inbox');
    expect(await remaining('resident1', 'progress')).toBe(1);
  });

  test.each([
    [-604101, 'permission', 'function has no permission to call this API'],
    [-604104, 'permission', 'illegal source of invocation'],
    [48001, 'configuration', 'api unauthorized'],
    [40037, 'configuration', 'invalid template_id'],
    [41030, 'configuration', 'invalid page'],
  ] as const)('WeChat %s is a set-up problem (%s): thrown as such, the authorisation given back', async (code, kind, errMsg) => {
    await grant('resident1', ['progress']);
    cloud.sendFailures.push(new CloudSDKError(code, errMsg));
    const failure = await notifier().deliver(message()).catch((error: unknown) => error);
    expect(pushSetupProblemOf(failure)).toEqual({ kind, code, hint: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(await remaining('resident1', 'progress')).toBe(1);
    if (code === -604101) expect((failure as Error).message).toContain('npm run deploy -- scheduler');
  });

  test('a passing failure carries no set-up problem (plain retry with back-off)', async () => {
    await grant('resident1', ['progress']);
    cloud.sendFailures.push(new CloudSDKError(-1, 'system error'));
    expect(pushSetupProblemOf(await notifier().deliver(message()).catch((error: unknown) => error))).toBeNull();
  });
});

describe('msgSecCheck content check', () => {
  const check = () => createMsgSecCheck({ cloud, log });

  test("WeChat's suggest is the verdict; version 2 with the user's openid and the scene's number", async () => {
    cloud.secAnswers.push({ result: { suggest: 'pass', label: 100 } }, { result: { suggest: 'review', label: 20001 } }, { result: { suggest: 'risky', label: 20002 } });
    expect(await check().check('楼道灯不亮', 'openid-resident1', 'comment')).toBe('pass');
    expect(await check().check('大家一起去讨说法', 'openid-resident1', 'forum')).toBe('review');
    expect(await check().check('有偿代开发票', 'openid-resident1', 'profile')).toBe('risky');
    expect(cloud.callsTo('security.msgSecCheck')).toEqual([
      { version: 2, openid: 'openid-resident1', scene: 2, content: '楼道灯不亮' },
      { version: 2, openid: 'openid-resident1', scene: 3, content: '大家一起去讨说法' },
      { version: 2, openid: 'openid-resident1', scene: 1, content: '有偿代开发票' },
    ]);
  });

  test('fails closed: an error or an odd answer is review (a person looks), never pass, and is logged', async () => {
    cloud.secAnswers.push(new CloudSDKError(61010, 'openapi.security.msgSecCheck:fail user access expired'), {}, { result: { suggest: 'maybe' } });
    expect(await check().check('楼道灯不亮', 'openid-resident1', 'social')).toBe('review');
    expect(await check().check('楼道灯不亮', 'openid-resident1', 'social')).toBe('review');
    expect(await check().check('楼道灯不亮', 'openid-resident1', 'social')).toBe('review');
    expect(logged.map((entry) => entry.level)).toEqual(['error', 'warn', 'warn']);
    expect(cloud.callsTo('security.msgSecCheck')[0]).toMatchObject({ scene: 4 });
  });

  test('text longer than msgSecCheck takes is checked in pieces and the worst verdict wins; blank text is not sent', async () => {
    cloud.secAnswers.push({ result: { suggest: 'pass' } }, { result: { suggest: 'review' } });
    expect(await check().check('好'.repeat(MSG_SEC_CHECK_MAX_CHARS + 10), 'openid-resident1', 'forum')).toBe('review');
    expect(cloud.callsTo('security.msgSecCheck').map((call) => Array.from(call.content).length)).toEqual([MSG_SEC_CHECK_MAX_CHARS, 10]);
    expect(await check().check('  \n ', 'openid-resident1', 'forum')).toBe('pass');
    expect(cloud.callsTo('security.msgSecCheck')).toHaveLength(2);
  });
});

describe('mini-program codes', () => {
  const qr = (envVersion: 'release' | 'trial' = 'release') => createWxQrCodes({ cloud, envVersion: () => envVersion });

  test('made once with getUnlimited, stored in cloud storage, then reused: later asks only sign a link', async () => {
    const first = await qr().imageUrl('c=c_demo');
    expect(cloud.callsTo('wxacode.getUnlimited')).toEqual([{ scene: 'c=c_demo', page: 'pages/join/index', checkPath: false, envVersion: 'release' }]);
    expect(cloud.callsTo('uploadFile')).toEqual([{ cloudPath: 'qrcodes/c_3Dc_5Fdemo.jpg', bytes: expect.any(Number) }]);
    expect(first).toMatch(/^https:\/\/.+\/qrcodes\/c_3Dc_5Fdemo\.jpg\?sign=/);

    const again = await qr().imageUrl('c=c_demo');
    expect(again).toBe(first);
    expect(cloud.callsTo('wxacode.getUnlimited')).toHaveLength(1);
    expect(cloud.callsTo('uploadFile')).toHaveLength(1);

    await qr().imageUrl('sp=p_1');
    expect(cloud.callsTo('wxacode.getUnlimited')).toHaveLength(2);
  });

  test('a code for the trial version is kept apart from the released one', async () => {
    await qr('trial').imageUrl('c=c_demo');
    expect(cloud.callsTo('wxacode.getUnlimited')[0]).toMatchObject({ envVersion: 'trial' });
    expect(cloud.callsTo('uploadFile')[0].cloudPath).toBe('qrcodes/trial/c_3Dc_5Fdemo.jpg');
    await qr('release').imageUrl('c=c_demo');
    expect(cloud.callsTo('wxacode.getUnlimited')).toHaveLength(2);
  });

  test('a scene WeChat would refuse (over 32 characters, or characters outside its set) is refused before any call', async () => {
    for (const scene of ['c=' + 'x'.repeat(31), '', 'c=社区', 'c=a b']) {
      await expect(qr().imageUrl(scene)).rejects.toBeInstanceOf(AppError);
    }
    expect(cloud.calls).toEqual([]);
    await expect(qr().imageUrl('c=' + 'x'.repeat(30))).resolves.toMatch(/^https:/);
  });

  test('the stored file is named by the format WeChat sent: JPEG by default; a PNG keeps its own extension; anything else is refused', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0x00]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
    expect(qrImageFormat(jpeg)).toBe('jpg');
    expect(qrImageFormat(png)).toBe('png');
    expect(qrImageFormat(Buffer.from('{"errcode":40001}'))).toBeNull();

    cloud.openapi.wxacode.getUnlimited = async (params) => {
      cloud.calls.push({ api: 'wxacode.getUnlimited', params });
      return { contentType: 'image/png', buffer: png };
    };
    await qr().imageUrl('c=c_png');
    expect(cloud.callsTo('uploadFile').map((call) => call.cloudPath)).toEqual(['qrcodes/c_3Dc_5Fpng.png']);

    cloud.openapi.wxacode.getUnlimited = async () => ({ contentType: 'application/json', buffer: Buffer.from('{"errcode":45009}') });
    await expect(qr().imageUrl('c=c_json')).rejects.toThrow(/returned no image/);
    expect(cloud.callsTo('uploadFile')).toHaveLength(1);
  });

  test('file names are one to one with scenes; the page URL is the join page with the scene', () => {
    expect(sceneFileName('c=c_1')).toBe('c_3Dc_5F1');
    expect(sceneFileName('c_3Dc')).not.toBe(sceneFileName('c=c'));
    expect(qrCloudPath("inv=A1!#$&'()*+,/:;=?@-._~", 'release')).toMatch(/^qrcodes\/[A-Za-z0-9_-]+\.jpg$/);
    expect(qr().pageUrl('c=c_demo')).toBe('pages/join/index?scene=c%3Dc_demo');
  });
});

describe('cloud files', () => {
  const files = () => createCloudFiles({ cloud, clock });
  const photo = `cloud://${ENV_BUCKET}/photos/1762045200000-k3j9x0a1.jpg`;

  test('an export is uploaded under an unguessable name and handed over as its fileID (fetched by Taro.cloud.downloadFile, no domain whitelist)', async () => {
    const saved = await files().saveExport('幸福里社区-民意民盼台账-2026-10.xlsx', new Uint8Array([80, 75, 3, 4]));
    const [upload] = cloud.callsTo('uploadFile');
    expect(upload).toEqual({ cloudPath: expect.stringMatching(/^exports\/2026-11-02\/[0-9a-f]{32}-幸福里社区-民意民盼台账-2026-10\.xlsx$/), bytes: 4 });
    // No https link: Taro.downloadFile on one would need the storage domain whitelisted in the released app.
    expect(cloud.callsTo('getTempFileURL')).toEqual([]);
    expect(saved).toEqual({ url: `cloud://${ENV_BUCKET}/${upload.cloudPath}`, expiresAt: T0 + EXPORT_TTL_S * 1000 });

    const second = await files().saveExport('幸福里社区-民意民盼台账-2026-10.xlsx', new Uint8Array([1]));
    expect(second.url).not.toBe(saved.url);
    await expect(files().saveExport('../etc/passwd', new Uint8Array([1]))).rejects.toThrow(/bad export file name/);
  });

  test('a photo exists once the mini-program uploaded it; urlFor gives its fileID, which <Image> shows', async () => {
    expect(await files().exists(photo)).toBe(false);
    await cloud.uploadFile({ cloudPath: 'photos/1762045200000-k3j9x0a1.jpg', fileContent: Buffer.from('jpeg') });
    expect(await files().exists(photo)).toBe(true);
    expect(files().urlFor(photo)).toBe(photo);
  });

  test('注销 removes a person\'s photos, 50 to a call, and leaves other files alone', async () => {
    const many = Array.from({ length: 51 }, (_, index) => `photos/p-${index}.jpg`);
    for (const cloudPath of [...many, 'exports/2026-11-02/x.xlsx']) await cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') });
    await files().remove([...many.map((path) => `cloud://${ENV_BUCKET}/${path}`), `cloud://${ENV_BUCKET}/exports/2026-11-02/x.xlsx`, 'local/not-a-cloud-file.jpg']);
    expect(cloud.callsTo('deleteFile').map((call) => call.fileList.length)).toEqual([50, 1]);
    expect([...cloud.storage.keys()]).toEqual([`cloud://${ENV_BUCKET}/exports/2026-11-02/x.xlsx`]);
  });

  test('anything that is not an uploaded photo is refused without asking storage', async () => {
    const before = cloud.calls.length;
    for (const id of ['local/abcdefgh.jpg', `cloud://${ENV_BUCKET}/exports/2026-11-02/x.xlsx`, `cloud://${ENV_BUCKET}/photos/../exports/x`, 'https://example.com/a.jpg', `cloud://${ENV_BUCKET}/photos/a b.jpg`]) {
      expect(await files().exists(id)).toBe(false);
      expect(files().urlFor(id)).toBe('');
    }
    expect(cloud.calls.length).toBe(before);
  });
});

describe('wx-cloud helpers', () => {
  test('the WeChat error code of what wx-server-sdk throws', () => {
    expect(wxErrorCode(new CloudSDKError(43101, 'x'))).toBe(43101);
    expect(wxErrorCode(Object.assign(new Error('x'), { errCode: -1 }))).toBe(-1);
    expect(wxErrorCode(new Error('network down'))).toBeNull();
    expect(wxErrorCode('43101')).toBeNull();
  });

  test('settings from the environment: default when unset, a bad value throws at use naming the variable', () => {
    expect(envSetting('WX_ENV_VERSION', undefined, ['release', 'trial', 'develop'], 'release')()).toBe('release');
    expect(envSetting('WX_ENV_VERSION', ' trial ', ['release', 'trial', 'develop'], 'release')()).toBe('trial');
    const typo = envSetting('WX_MINIPROGRAM_STATE', 'fromal', ['formal', 'trial', 'developer'], 'formal');
    expect(() => typo()).toThrow(/WX_MINIPROGRAM_STATE=fromal/);
  });
});

describe('deploy probe of the cloud calls', () => {
  const options = (templates: unknown = TEMPLATES) => ({ cloud, envVersion: () => 'release' as const, miniprogramState: () => 'formal' as const, templates });
  const account: AccountTemplate[] = [
    { priTmplId: 'tmpl-task-001', title: '新任务提醒', content: '任务名称:{{thing1.DATA}}\n任务内容:{{thing2.DATA}}\n时间:{{time3.DATA}}\n', type: 2 },
    { priTmplId: 'tmpl-progress-002', title: '服务进度通知', content: '事项:{{thing1.DATA}}\n状态:{{phrase2.DATA}}\n时间:{{time3.DATA}}\n编号:{{character_string4.DATA}}\n', type: 2 },
  ];
  const noPermission = (api: string) => new CloudSDKError(-604101, `openapi.${api}:fail function has no permission to call this API`);

  test('each declared cloud call is tried once with fixed input; WeChat answering about the made-up openid means the permission is in effect', async () => {
    cloud.secAnswers.push(new CloudSDKError(40003, 'invalid openid'));
    cloud.sendFailures.push(new CloudSDKError(40003, 'invalid openid'));
    cloud.accountTemplates = account;
    const report = await probeCloudCalls('all', ['security.msgSecCheck', 'wxacode.getUnlimited', 'subscribeMessage.send', 'subscribeMessage.getTemplateList'], options());
    expect(report.checks.map((check) => [check.api, check.status])).toEqual([
      ['subscribeMessage.send', 'ok'],
      ['subscribeMessage.getTemplateList', 'ok'],
      ['wxacode.getUnlimited', 'ok'],
      ['security.msgSecCheck', 'ok'],
    ]);
    expect(cloud.callsTo('security.msgSecCheck')).toEqual([{ version: 2, openid: PROBE_OPENID, scene: 2, content: PROBE_TEXT }]);
    expect(cloud.callsTo('wxacode.getUnlimited')).toEqual([{ scene: PROBE_SCENE, page: 'pages/join/index', checkPath: false, envVersion: 'release' }]);
    expect(cloud.callsTo('subscribeMessage.send')).toEqual([expect.objectContaining({ touser: PROBE_OPENID, templateId: 'tmpl-task-001' })]);
    // Nothing is stored: the probe's code is thrown away.
    expect(cloud.callsTo('uploadFile')).toEqual([]);
  });

  test('-604101 is reported per API, and the other checks still run', async () => {
    cloud.secAnswers.push(noPermission('security.msgSecCheck'));
    cloud.codeFailure = noPermission('wxacode.getUnlimited');
    const report = await probeCloudCalls('community', ['wxacode.getUnlimited', 'security.msgSecCheck'], options());
    expect(report).toEqual({
      function: 'community',
      checks: [
        { api: 'wxacode.getUnlimited', status: 'no_permission', code: -604101, detail: expect.stringContaining('-604101') },
        { api: 'security.msgSecCheck', status: 'no_permission', code: -604101, detail: expect.stringContaining('-604101') },
      ],
    });
  });

  test('the templates are checked against the account: a missing id or field is misconfigured; none configured is skipped', async () => {
    cloud.accountTemplates = [account[0]];
    const missing = await probeCloudCalls('scheduler', ['subscribeMessage.getTemplateList'], options());
    expect(missing.checks[0]).toMatchObject({ status: 'misconfigured', detail: expect.stringContaining('tmpl-progress-002 不在小程序的“我的模板”里') });

    cloud.accountTemplates = [account[0], { ...account[1], content: '事项:{{thing1.DATA}}\n时间:{{time3.DATA}}\n' }];
    const fields = await probeCloudCalls('scheduler', ['subscribeMessage.getTemplateList'], options());
    expect(fields.checks[0]).toMatchObject({ status: 'misconfigured', detail: expect.stringContaining('没有字段 phrase2、character_string4') });

    const none = await probeCloudCalls('scheduler', ['subscribeMessage.send', 'subscribeMessage.getTemplateList'], options(shippedTemplates));
    expect(none.checks.map((check) => check.status)).toEqual(['skipped', 'skipped']);
    expect(cloud.callsTo('subscribeMessage.send')).toEqual([]);
  });

  test('what cannot be told from the deploy machine is unverifiable, not a pass; 48001 and -604100 are misconfigured', () => {
    expect(classifyProbeError('security.msgSecCheck', new CloudSDKError(-604104, 'illegal source of invocation'))).toMatchObject({ status: 'unverifiable' });
    expect(classifyProbeError('security.msgSecCheck', new CloudSDKError(-604102, 'call open API timeout'))).toMatchObject({ status: 'unverifiable' });
    expect(classifyProbeError('security.msgSecCheck', new Error('getaddrinfo EAI_AGAIN'))).toMatchObject({ status: 'unverifiable', code: null });
    expect(classifyProbeError('subscribeMessage.send', new CloudSDKError(48001, 'api unauthorized'))).toMatchObject({ status: 'misconfigured' });
    expect(classifyProbeError('subscribeMessage.send', new CloudSDKError(-604100, 'API not found'))).toMatchObject({ status: 'misconfigured' });
    expect(classifyProbeError('subscribeMessage.send', new CloudSDKError(40003, 'invalid openid'))).toMatchObject({ status: 'ok' });
  });

  test('only the deployer may probe; any other event is not a probe', async () => {
    expect(await answerProbe('requests', ['security.msgSecCheck'], options(), false)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '部署自检只能由部署脚本调用' } });
    expect(cloud.calls).toEqual([]);
    expect(isProbeEvent({ probe: 'cloud-calls' })).toBe(true);
    expect(isProbeEvent({ action: 'probe', data: {} })).toBe(false);
    expect(isDeployerCall({ probe: 'cloud-calls' }, { openid: null, uid: null })).toBe(true);
    expect(isDeployerCall({ probe: 'cloud-calls' }, { openid: 'o-user', uid: null })).toBe(false);
    expect(isDeployerCall({ probe: 'cloud-calls' }, { openid: null, uid: 'web-uid' })).toBe(false);
    expect(isDeployerCall({ probe: 'cloud-calls', httpMethod: 'POST', headers: {} }, { openid: null, uid: null })).toBe(false);
  });
});
