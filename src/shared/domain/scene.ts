/** QR scenes as WeChat's wxacode.getUnlimited allows them: ≤ 32 visible chars of this set. */
export const SCENE_MAX_LENGTH = 32;
const SCENE_CHARSET = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const ID = /^[A-Za-z0-9_-]{1,29}$/;

export const SCENE_KINDS = ['community', 'grid', 'service_point', 'activity', 'shop_invite'] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

export type Scene =
  | { kind: 'community'; id: string }
  | { kind: 'grid'; id: string }
  | { kind: 'service_point'; id: string }
  | { kind: 'activity'; id: string }
  | { kind: 'shop_invite'; code: string };

const PREFIXES = { c: 'community', g: 'grid', sp: 'service_point', a: 'activity', inv: 'shop_invite' } as const;

export type SceneResult = { ok: true; scene: Scene } | { ok: false; message: string };

/** Reads a scene as the page receives it (maybe still URI-encoded). */
export function parseScene(raw: string): SceneResult {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return { ok: false, message: '二维码内容无法识别，请重新扫码' };
  }
  if (text.length === 0) return { ok: false, message: '二维码内容为空，请重新扫码' };
  if (text.length > SCENE_MAX_LENGTH) return { ok: false, message: '二维码内容过长，不是本社区的二维码' };
  if (!SCENE_CHARSET.test(text)) return { ok: false, message: '二维码含有无法识别的字符，不是本社区的二维码' };
  const separator = text.indexOf('=');
  const prefix = text.slice(0, separator) as keyof typeof PREFIXES;
  const value = text.slice(separator + 1);
  if (separator <= 0 || !(prefix in PREFIXES) || !ID.test(value)) return { ok: false, message: '这不是社区服务的二维码，请扫描社区张贴的二维码' };
  const kind = PREFIXES[prefix];
  return { ok: true, scene: kind === 'shop_invite' ? { kind, code: value } : { kind, id: value } };
}

export function buildScene(scene: Scene): string {
  switch (scene.kind) {
    case 'community':
      return `c=${scene.id}`;
    case 'grid':
      return `g=${scene.id}`;
    case 'service_point':
      return `sp=${scene.id}`;
    case 'activity':
      return `a=${scene.id}`;
    case 'shop_invite':
      return `inv=${scene.code}`;
  }
}

/** The mini-program page every scanned scene opens (the same path in the H5 build); it routes on the scene's kind. */
export const SCENE_PAGE = 'pages/join/index';
