/**
 * Work on whole documents in slices: `fn` over `items`, awaiting `pause()` whenever about
 * `sliceMs` have passed, so no single task blocks the thread for long. `pause` resolves false to
 * give up; the result is then undefined.
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, pause: () => Promise<boolean>, sliceMs = 3): Promise<R[] | undefined> {
  const out: R[] = [];
  let deadline = performance.now() + sliceMs;
  for (const item of items) {
    if (performance.now() > deadline) {
      if (!(await pause())) return undefined;
      deadline = performance.now() + sliceMs;
    }
    out.push(fn(item));
  }
  return out;
}
