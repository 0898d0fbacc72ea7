/**
 * Phase marks of a parser worker's start, for the bench's cold-open timeline (issue #21;
 * scripts/bench/parser-first-child.ts): each a name, a time on a clock shared by all threads of the
 * process (epoch ms, sub-millisecond) and the CPU time the marking thread had used by then.
 * Recorded only when asked (`WorkerModuleData.timeline`); never by the extension. Pure Node.
 */
import { readFileSync } from 'node:fs';

/** [phase, epoch ms, CPU ms of the marking thread (Linux; undefined elsewhere)]. */
export type Mark = [name: string, at: number, cpu: number | undefined];

/** The marks a worker posts once it has answered its first request. */
export interface TimelineMessage {
  timeline: Mark[];
}

/**
 * CPU time of the calling thread, from the kernel's scheduler statistics (ns). For a running thread
 * the kernel updates it at scheduler ticks and switches, so it can lag by a tick (~4 ms).
 */
export function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** Appends a mark to `marks` (nothing when undefined: not asked for). */
export function mark(marks: Mark[] | undefined, name: string): void {
  marks?.push([name, performance.timeOrigin + performance.now(), threadCpuMs()]);
}
