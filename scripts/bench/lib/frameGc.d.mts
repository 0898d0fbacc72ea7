// Types of frameGc.mjs for the unit test (test/unit/build/frameGc.test.ts).
export interface FrameGc {
  frame: number;
  ms: number;
  major: number;
  majorCpu: number;
  minor: number;
  incremental: number;
  incrementalCpu: number;
  concurrent: number;
}
export const GC_CATEGORIES: string[];
export function frameMark(i: number): string;
export function frameStats(
  callbackMs: number[],
  frameTimeMs: number[],
  tickMs?: number,
): {
  deltas: number[];
  p50: number;
  p95: number;
  max: number;
  over25: number;
  lateFrames: number;
  skippedTicks: number;
  vsync: { p50: number; p95: number; max: number };
};
export function gcByFrame(traceEvents: object[]): FrameGc[];
export function majorPhases(traceEvents: object[], top?: number): { ms: number; cpu: number; phases: { name: string; ms: number }[] }[];
export function describeGc(frames: FrameGc[], slowMs?: number): string;
