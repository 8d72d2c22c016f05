/** Reading the errors of the Tencent Cloud API as manager-node throws them (no SDK loaded here). */

/** The Tencent Cloud error code an SDK error carries (CloudBaseError keeps it as `code`). */
export function apiErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** "This collection does not exist", and nothing else: not an unknown environment, not a refused key. */
export function isCollectionNotFound(error: unknown): boolean {
  const code = apiErrorCode(error);
  return code !== null && /^ResourceNotFound(\.|$)/.test(code) && !/Env/i.test(code);
}
