/**
 * How long one slice of work on a whole document may run before it yields (milliseconds). A slice
 * ends at the first step past it, so a task is this plus one step (one step of a statement's
 * check, ≤ ~0.5 ms warm); V8's helper threads (concurrent compiles, GC) run beside it and count in
 * the process's CPU time, so the shorter the slice the less of theirs lands in one task (issue #21:
 * ≤ 10 ms).
 */
export const SLICE_MS = 2;

/**
 * A computation in steps: each `yield` is a point where it may pause (see `mapStepsInSlices`);
 * `runSteps` runs it in one go. Either way the result is the same.
 */
export type Steps<R> = Generator<void, R, void>;

/** Runs `steps` to the end without pausing. */
export function runSteps<R>(steps: Steps<R>): R {
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/** `fn` as a computation of one step; it runs at the first `next()`, not when this is called. */
export function* oneStep<R>(fn: () => R): Steps<R> {
  return fn();
}

/**
 * Work on whole documents in slices: `fn` over `items`, awaiting `pause()` whenever about
 * `sliceMs` have passed, so no single task blocks the thread for long. `pause` resolves false to
 * give up; the result is then undefined.
 */
export function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, pause: () => Promise<boolean>, sliceMs = SLICE_MS): Promise<R[] | undefined> {
  return mapStepsInSlices(items, (item) => oneStep(() => fn(item)), pause, sliceMs);
}

/**
 * `mapInSlices` for items whose work comes in steps (`Steps`): the slice may also end between two
 * steps of one item, so a task holds at most one step past `sliceMs`. Given up, an item's
 * remaining steps never run.
 */
export async function mapStepsInSlices<T, R>(items: readonly T[], fn: (item: T) => Steps<R>, pause: () => Promise<boolean>, sliceMs = SLICE_MS): Promise<R[] | undefined> {
  const out: R[] = [];
  let deadline = performance.now() + sliceMs;
  for (const item of items) {
    const steps = fn(item);
    for (;;) {
      if (performance.now() > deadline) {
        if (!(await pause())) return undefined;
        deadline = performance.now() + sliceMs;
      }
      const n = steps.next();
      if (n.done) {
        out.push(n.value);
        break;
      }
    }
  }
  return out;
}
