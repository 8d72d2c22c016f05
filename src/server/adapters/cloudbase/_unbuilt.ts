/** Development scaffold while the CloudBase repositories are written; deleted once every one exists. */
export function unbuilt<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      return () => Promise.reject(new Error(`CloudBase ${name}.${String(property)} is not built yet`));
    },
  });
}
