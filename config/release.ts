/**
 * Which builds are production builds, and what they must have. `npm run build:weapp:release`
 * (`taro build --type weapp --mode release`, which `npm run upload:weapp` / `preview:weapp` run
 * first) is the production build; a plain `npm run build:weapp` (what `npm test` runs on CI, with
 * no environment id) is not. NODE_ENV cannot tell them apart: `taro build` sets it to production
 * for both.
 */
export const RELEASE_MODE = 'release';

/** The problem with a build's settings, in Chinese, or null when it may go on. */
export function releaseBuildProblem(mode: string | undefined, taroEnv: string | undefined, envId: string | undefined): string | null {
  if (mode !== RELEASE_MODE || taroEnv !== 'weapp') return null;
  if (!envId || envId.trim() === '') {
    return '正式构建缺少 TCB_ENV_ID：小程序会连到 AppID 的默认云开发环境（env 为空），上线后可能读写错环境。请先设置云开发环境 ID（云开发控制台 → 环境 → 环境 ID，形如 prod-3g8x2k1a9c），例如 TCB_ENV_ID=prod-3g8x2k1a9c npm run build:weapp:release。';
  }
  if (!/^[A-Za-z0-9-]{4,}$/.test(envId.trim())) return `TCB_ENV_ID=${envId} 的格式不对：只能包含字母、数字和连字符，请从云开发控制台 → 环境 → 环境 ID 复制。`;
  return null;
}
