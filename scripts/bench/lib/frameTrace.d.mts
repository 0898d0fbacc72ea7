// Types of frameTrace.mjs for the unit test (test/unit/build/frameTrace.test.ts).
export type Kind = 'script' | 'style' | 'layout' | 'paint' | 'composite' | 'gc' | 'other';
export type PerKind = Record<Kind, number>;
export const TRACE_CATEGORIES: string[];
export const KINDS: Kind[];
export function selfTimes(events: object[]): { wall: PerKind; cpu: PerKind; top: [string, number][] };
export function traceSplit(traceEvents: object[]): {
  frames: number;
  wall: PerKind;
  cpu: PerKind;
  top: { name: string; ms: number }[];
  others: { thread: string; ms: number }[];
  frameCpu: { ms: number[]; p50: number; p95: number; max: number; worst: { frame: number; cpu: PerKind }; slow: SlowFrame[] };
};
export interface SlowFrame {
  frame: number;
  ms: number;
  cpu: number;
  wait: number;
  idle: number;
  what: 'work' | 'descheduled' | 'idle';
  kind: Kind;
  gc: number;
  /** The busiest other thread of the browser in the interval (all traced processes), CPU ms. */
  elsewhere?: { thread: string; cpu: number };
  /** All other threads' CPU ms in the interval. */
  othersCpu?: number;
}
export function describeSplit(s: ReturnType<typeof traceSplit>): string;
export function describeSlow(s: ReturnType<typeof traceSplit>, list?: number): string;
