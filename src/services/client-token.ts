/** A token generated once per form, so a retried submit never creates a second request. */
export function newClientToken(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
