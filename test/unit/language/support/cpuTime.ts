// CPU-time measurement shared by the differential comparison (differentialSources.ts) and the
// per-process speed bench (scripts/bench/parser-speed-child.ts). No other imports: the bench's child
// process loads only this and the parser it times.

/** CPU time this process has used, milliseconds (everything on this thread; WASM included). */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Mean CPU time of one pass of `fn`, repeated until at least `minMs` of CPU have passed (GC and timer
 * noise average out). CPU rather than wall time: on a machine shared with other jobs, wall time
 * counts the time the process waits for a core, and that falls on the two parsers unevenly.
 */
export function perPass(fn: () => void, minMs: number): number {
  let passes = 0;
  const t0 = cpuMs();
  do {
    fn();
    passes++;
  } while (cpuMs() - t0 < minMs);
  return (cpuMs() - t0) / passes;
}

/**
 * A limit on the CPU time this process spends from now on: the returned check throws once more
 * than `limitMs` have been used. For long test setups whose wall time is mostly the wait for a core
 * on a loaded machine (mocha's timeout counts that wait; this does not), so the limit still catches
 * work that got slower, whatever the load.
 */
export function cpuBudget(limitMs: number, what: string): () => void {
  const t0 = cpuMs();
  return () => {
    const used = cpuMs() - t0;
    if (used > limitMs) throw new Error(`${what} used ${(used / 1000).toFixed(1)} s of CPU, over its budget of ${limitMs / 1000} s`);
  };
}
