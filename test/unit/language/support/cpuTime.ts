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
