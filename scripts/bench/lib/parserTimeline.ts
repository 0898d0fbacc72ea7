/**
 * The cold open's timeline for scripts/bench/language.ts (issue #21): the phase marks of
 * parser-first-child.ts runs (src/language/syntax/timeline.ts: "host: …" on the extension host's
 * thread, the rest on the worker's), as medians over runs: when each phase ended, counted from the
 * open, and the CPU time its thread spent since that thread's previous mark, so the serial path
 * (the worker's) and what overlaps it (the host's) read off one table.
 */
type TimelineMark = [name: string, atMs: number, cpuMs: number | null];

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

/** Per phase: [name, median ms from the open, median CPU ms of its thread since the thread's previous mark]. */
export function timelineMedians(runs: TimelineMark[][]): [string, number, number][] {
  const at = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  for (const marks of runs) {
    const last = new Map<boolean, number>();
    for (const [name, ms, c] of marks) {
      const host = name.startsWith('host: ');
      const prev = last.get(host);
      if (!at.has(name)) (at.set(name, []), cpu.set(name, []));
      at.get(name)!.push(ms);
      // the worker's first mark: its CPU since the thread started (its bootstrap)
      cpu.get(name)!.push(c === null ? NaN : c - (prev ?? (host ? c : 0)));
      if (c !== null) last.set(host, c);
    }
  }
  return [...at.keys()].map((n): [string, number, number] => [n, median(at.get(n)!), median(cpu.get(n)!)]).sort((a, b) => a[1] - b[1]);
}

/** The timeline as printed lines: the worker's phases indented under the host's. */
export function timelineLines(runs: TimelineMark[][]): string[] {
  return timelineMedians(runs).map(([n, at, c]) => `${at.toFixed(1).padStart(8)} ms  ${Number.isFinite(c) ? `${c.toFixed(1).padStart(6)} ms CPU` : '           '}  ${n.startsWith('host: ') ? n : `    worker: ${n}`}`);
}
