/**
 * The parser worker's side of the snapshot cache (issue #21; snapshot.ts, snapshotStore.ts): the
 * host reads the file as it starts the worker (workerStart.ts), so the read overlaps the thread's
 * start, the glue's load and the WASM's compile, and the worker checks it; the restore (a copy of
 * ~6–7 MB) comes right after the instance has started, before its first parse. Once the worker has
 * been idle for a while after parsing, it takes a new snapshot (a fresh instance's memory is the
 * base of the diff) and writes it. Pure Node (no `vscode`).
 */
import { join } from 'node:path';
import type * as SnapshotCode from './snapshot';
import type * as StoreCode from './snapshotStore';
import type { ReadResult } from './snapshotStore';
import { PARSER_WASM } from './wasmModule';

/**
 * snapshot.ts and snapshotStore.ts on first use: they load node:crypto and node:fs/promises, ~5 ms
 * of a fresh worker thread's CPU before its first parse (issue #21), which a worker needs only once
 * the host has read it a snapshot file, or to write one (a first session's worker: after its parses).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- esbuild bundles them, evaluated on first call */
const snapshotCode = (): typeof SnapshotCode => require('./snapshot') as typeof SnapshotCode;
const storeCode = (): typeof StoreCode => require('./snapshotStore') as typeof StoreCode;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The glue file beside the worker as it ships (scripts/lib/parserWasm.mjs). */
const PARSER_GLUE = 'hogql_parser_wasm.cjs';
/** Idle time after the last parse before a snapshot is taken. */
export const SNAPSHOT_IDLE_MS = 2_000;
/** Parses since the last snapshot this worker wrote (or restored) before it writes another, */
export const SNAPSHOT_EVERY = 25;
/** and at least this long after its last write (each costs ~60–130 ms of the worker's CPU and a ~7 MB write). */
export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;

/** What the worker tells the host about the snapshot (logged): `{ snapshot: note }`. */
export interface SnapshotNote {
  snapshot: string;
}

interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The linear memory a parser instance exports (the glue names its exports with single letters). */
function wasmMemoryOf(instance: object): WasmMemory | undefined {
  const exports = (instance as { exports?: Record<string, unknown> }).exports ?? {};
  return Object.values(exports).find((v) => v?.constructor?.name === 'Memory') as WasmMemory | undefined;
}

/** A view of an instance's memory (renew it after the memory grows). */
export function memoryOf(instance: object): Uint8Array | undefined {
  const m = wasmMemoryOf(instance);
  return m && new Uint8Array(m.buffer);
}

/**
 * Grows a new instance's memory to `bytes` (a snapshot's size) before the glue sees the instance:
 * the glue makes its views of the memory then, and the constructors run as in a smaller memory.
 */
export function growMemory(instance: object, bytes: number | undefined): void {
  const m = wasmMemoryOf(instance);
  const pages = m && bytes ? Math.ceil((bytes - m.buffer.byteLength) / 65536) : 0;
  if (pages > 0) m!.grow(pages);
}

/** A started instance's memory and a way to make a fresh one (the base of a snapshot's diff). */
export interface ParserInstances {
  memory(): Uint8Array | undefined;
  freshMemory(): Promise<Uint8Array | undefined>;
}

export class WorkerSnapshot {
  private readonly read: Promise<ReadResult>;
  /** The parser build's key (snapshotStore.ts), computed on first use. */
  private buildKey: Promise<string> | undefined;
  /** Parses (warm-up included) since the last snapshot written or restored. */
  private work = 0;
  private written = false;
  private lastWrite = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private writing = false;

  /**
   * `dir`: the worker's directory (the parser's files are beside it); `file`: the snapshot's path;
   * `bytes`: its content as the host read it (rejected with the read's error).
   */
  constructor(
    private readonly file: string,
    private readonly dir: string,
    private readonly version: string,
    bytes: Promise<Uint8Array>,
    private readonly note: (n: SnapshotNote) => void,
  ) {
    // no file (ENOENT, a first session): nothing loaded (see snapshotCode)
    const missing = (e: NodeJS.ErrnoException): ReadResult => ({ note: e.code === 'ENOENT' ? 'no snapshot' : `snapshot unreadable: ${e.message}` });
    this.read = bytes
      .then(() => storeCode().readSnapshot(this.file, this.key(), bytes), missing)
      .catch((e: Error) => ({ note: `snapshot not read: ${e.message}` }))
      .finally(() => (this.readAt = performance.now()));
  }

  private key(): Promise<string> {
    if (!this.buildKey) {
      this.buildKey = storeCode().parserBuildKey(this.version, [join(this.dir, PARSER_GLUE), join(this.dir, PARSER_WASM)]);
      this.buildKey.catch(() => undefined);
    }
    return this.buildKey;
  }

  /** When the worker's script started, and when the snapshot was in hand and checked. */
  private readonly startedAt = performance.now();
  private readAt: number | undefined;
  /** When the worker, its WASM in hand, first waited for the snapshot (memoryBytes). */
  private asked: number | undefined;

  /** The memory size of the snapshot read, if valid (a new instance's memory is grown to it: growMemory). */
  async memoryBytes(): Promise<number | undefined> {
    this.asked ??= performance.now();
    return (await this.read).snapshot?.memoryBytes;
  }

  /** Restores the snapshot, if there is a valid one, into `memory` (a started instance that ran nothing). */
  async restore(memory: Uint8Array | undefined): Promise<string> {
    const asked = (this.asked ??= performance.now());
    const r = await this.read;
    if (!r.snapshot) return r.note;
    const copy = performance.now();
    if (!memory || !snapshotCode().applySnapshot(memory, r.snapshot)) return `snapshot not applied: memory of ${memory?.length} bytes, snapshot of ${r.snapshot.memoryBytes}`;
    this.written = true; // the file on disk is this state: the next write waits for SNAPSHOT_EVERY parses
    const ms = (x: number): string => x.toFixed(1);
    const read = `in hand and checked ${ms(this.readAt! - this.startedAt)} ms after the worker's script started, the WASM at ${ms(asked - this.startedAt)} ms`;
    return `snapshot restored: ${r.snapshot.pages.length} pages (${read}; copy ${ms(performance.now() - copy)} ms)`;
  }

  /** A parse ran: (re)arms the idle timer that takes the next snapshot. */
  parsed(instances: ParserInstances): void {
    this.work++;
    clearTimeout(this.timer);
    if (this.writing || this.work < (this.written ? SNAPSHOT_EVERY : 1) || performance.now() - this.lastWrite < SNAPSHOT_INTERVAL_MS) return;
    this.timer = setTimeout(() => void this.capture(instances), SNAPSHOT_IDLE_MS);
    this.timer.unref();
  }

  private async capture(instances: ParserInstances): Promise<void> {
    this.writing = true;
    const started = performance.now();
    try {
      const key = await this.key();
      const base = await instances.freshMemory();
      // synchronous from here to the copy: no parse runs in between (the memory is between calls)
      const memory = instances.memory();
      const bytes = base && memory && snapshotCode().encodeSnapshot(memory, base, key);
      if (!bytes) {
        this.note({ snapshot: `snapshot not taken: memory of ${memory?.length} bytes, a fresh one of ${base?.length} (or over the size cap)` });
        return;
      }
      this.work = 0;
      this.written = true;
      this.lastWrite = performance.now();
      await storeCode().writeSnapshot(this.file, bytes);
      this.note({ snapshot: `snapshot written: ${bytes.length} bytes in ${(performance.now() - started).toFixed(0)} ms` });
    } catch (e) {
      this.note({ snapshot: `snapshot not written: ${(e as Error).message}` });
    } finally {
      this.writing = false;
    }
  }
}
