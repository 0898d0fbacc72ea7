// The garbage collections V8 ran while a piece of work ran (node:v8's GCProfiler: each GC's type,
// its pause and the heap spaces before and after it). The bytes a scavenge copies (what its pause
// grows with) are the young objects still alive: those left in the young generation after it plus
// those it moved to the old one. Counts and bytes hardly depend on the machine's load; pauses do
// (a parallel scavenge waits for its helper threads). Used by language.ts (issue #21: the longest
// task of a first open holds GC work).
import { GCProfiler } from 'node:v8';

export interface GcFigures {
  scavenges: number;
  scavengeMs: number;
  scavengeMaxMs: number;
  /** Bytes the scavenges copied: survivors left young plus those promoted. */
  copiedKb: number;
  /** Mark-compacts and their incremental steps. */
  others: number;
  othersMs: number;
}

type Space = { spaceName: string; spaceUsedSize: number };
type Stat = { gcType: string; cost: number; beforeGC: { heapSpaceStatistics: Space[] }; afterGC: { heapSpaceStatistics: Space[] } };

const used = (spaces: Space[], name: string): number => spaces.find((s) => s.spaceName === name)?.spaceUsedSize ?? 0;

/** `fn`'s result and the GC figures of the collections that ran while it ran (its awaits included). */
export async function gcDuring<T>(fn: () => Promise<T>): Promise<[T, GcFigures]> {
  const profiler = new GCProfiler();
  profiler.start();
  const result = await fn();
  const stats = (profiler.stop() as unknown as { statistics: Stat[] }).statistics;
  const g: GcFigures = { scavenges: 0, scavengeMs: 0, scavengeMaxMs: 0, copiedKb: 0, others: 0, othersMs: 0 };
  for (const s of stats) {
    const ms = s.cost / 1000;
    if (s.gcType === 'Scavenge') {
      const before = s.beforeGC.heapSpaceStatistics;
      const after = s.afterGC.heapSpaceStatistics;
      const promoted = used(after, 'old_space') - used(before, 'old_space');
      [g.scavenges, g.scavengeMs, g.scavengeMaxMs] = [g.scavenges + 1, g.scavengeMs + ms, Math.max(g.scavengeMaxMs, ms)];
      g.copiedKb += (used(after, 'new_space') + Math.max(0, promoted)) / 1024;
    } else [g.others, g.othersMs] = [g.others + 1, g.othersMs + ms];
  }
  return [result, g];
}

/** One line of figures; `runs` > 1 gives means per run. */
export function describeGcFigures(g: GcFigures, runs = 1): string {
  const m = (x: number, d = 1): string => (x / runs).toFixed(d);
  return `${m(g.scavenges)} scavenges (pause ${m(g.scavengeMs)} ms, longest ${g.scavengeMaxMs.toFixed(1)} ms, ${m(g.copiedKb, 0)} KB copied), ${m(g.others)} other GCs (${m(g.othersMs)} ms)`;
}

export function addGcFigures(into: GcFigures, g: GcFigures): void {
  into.scavenges += g.scavenges;
  into.scavengeMs += g.scavengeMs;
  into.scavengeMaxMs = Math.max(into.scavengeMaxMs, g.scavengeMaxMs);
  into.copiedKb += g.copiedKb;
  into.others += g.others;
  into.othersMs += g.othersMs;
}
