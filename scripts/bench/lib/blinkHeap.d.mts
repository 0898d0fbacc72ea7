// Types of blinkHeap.mjs for grid-bare.ts and the unit test (test/unit/build/blinkHeap.test.ts).
import type { Browser, Page } from 'playwright-core';

export interface HeapDump {
  pid: number;
  ts: number;
  blinkGcBytes: number;
  layoutObjects: number | undefined;
  nodes: number | undefined;
  v8Bytes: number | undefined;
  majorGcs: number;
  classes: Map<string, number>;
}
export interface HeapDelta {
  before: HeapDump;
  after: HeapDump;
  majorGcs: number;
  blinkGcBytes: number;
  classes: { name: string; bytes: number }[];
}
export const HEAP_CATEGORIES: string[];
export function heapDumps(traceEvents: unknown[]): HeapDump[];
export function heapDelta(dumps: HeapDump[], top?: number): HeapDelta;
export function measureHeap(browser: Browser, page: Page, step: () => Promise<unknown>): Promise<HeapDelta>;
