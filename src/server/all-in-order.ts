/**
 * Awaits reads issued together (one round trip on CloudBase) but reports a failure as if they had
 * run one after another: the first task's refusal wins, whichever settled first, and no rejection
 * is left unhandled.
 */
export async function allInOrder<T extends readonly unknown[]>(tasks: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(tasks);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
