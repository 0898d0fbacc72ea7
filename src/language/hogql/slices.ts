/**
 * How long one slice of work on a whole document may run before it yields (milliseconds). A slice
 * ends at the first item past it, so a task is this plus one item (a statement's check, ~0.1–1 ms
 * warm); V8's helper threads (concurrent compiles, GC) run beside it and count in the process's CPU
 * time, so the shorter the slice the less of theirs lands in one task (issue #21: ≤ 10 ms).
 */
export const SLICE_MS = 2;

/**
 * Work on whole documents in slices: `fn` over `items`, awaiting `pause()` whenever about
 * `sliceMs` have passed, so no single task blocks the thread for long. `pause` resolves false to
 * give up; the result is then undefined.
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, pause: () => Promise<boolean>, sliceMs = SLICE_MS): Promise<R[] | undefined> {
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
