/**
 * A snapshot of a warmed PostHog parser (issue #21): the pages of its WASM linear memory that
 * differ from a freshly started instance's, so that a later worker restores them into its fresh
 * instance before its first parse and skips most of that parse's cost (ANTLR's prediction DFA,
 * built lazily, lives in that memory). Pure: bytes in, bytes out (no `vscode`, no files).
 *
 * What state a parser instance has (@posthog/hogql-parser 1.3.87's Emscripten glue, read for this):
 *  - its linear memory: the heap (DFA, ATN, malloc's state), the static data and the sbrk top
 *    (a static in memory, not JS state). 261 pages of 64 KiB at start, growable;
 *  - one WASM global, the stack pointer (mutable i32, not exported): every call returns it to its
 *    value on entry, so between calls it is the same in every instance;
 *  - a fixed function table (2,115 entries, min = max; the glue never adds to it);
 *  - the glue's JS state: embind's type registry (filled by the constructors that every instance
 *    runs at start, the same each time), the memory views (renewed only when memory grows through
 *    the glue) and stdio buffers (output only).
 * So a snapshot is valid when taken between calls, and applied to an instance that has started and
 * run nothing yet, whose memory is as big as the snapshot's. A warmed parser's memory may have grown:
 * the restoring instance's memory is grown before the glue sees it (in its `instantiateWasm` hook,
 * workerSnapshot.ts), since growing it later from outside would leave the glue's views on the old
 * buffer. A fresh instance's memory is the same in every process (the constructors read no
 * environment or clock: the same bytes with other TZ and environment variables) and with a larger
 * memory (zeros beyond); the pages beyond a fresh memory's end are diffed against zeros. Checked by
 * test/unit/language/parserSnapshot.test.ts.
 *
 * Layout (little-endian): "HQPS", format u32, key length u32, memory bytes u32, page count u32, the
 * key (UTF-8), the page numbers (u32, increasing), the pages; then a SHA-256 of everything before.
 */
import { createHash, webcrypto } from 'node:crypto';

export const SNAPSHOT_FORMAT = 1;
/** Granularity of the diff: 6 MB of a warmed 17 MB memory differ in 4 KiB pages (1 KiB: the same). */
export const SNAPSHOT_PAGE = 4096;
/**
 * Snapshots over this are not written: a warmed parser's is ~6–7 MB (restored in ~10 ms of CPU);
 * it grows with the variety of statements parsed (~11 MB after 100 generated ones, ~20 MB after 200)
 * while what a first parse gains from it does not.
 */
export const SNAPSHOT_MAX_BYTES = 12 * 2 ** 20;
/** Nor those of a memory over this (a fresh one is 16.3 MiB; a restore grows memory to its size). */
export const SNAPSHOT_MAX_MEMORY = 256 * 2 ** 20;

const MAGIC = 0x53505148; // "HQPS" read as a little-endian u32
const HEADER = 20;
const SUM = 32;

/** A snapshot checked against its key and checksum, ready to apply. */
export interface Snapshot {
  memoryBytes: number;
  pages: Uint32Array;
  data: Uint8Array;
}

/**
 * The pages of `memory` that differ from `base` (a fresh instance's memory), encoded with `key`
 * (what identifies the parser build, see snapshotStore.ts). Undefined when the snapshot would
 * exceed `maxBytes` or the memory SNAPSHOT_MAX_MEMORY (or is smaller than a fresh one's).
 */
export function encodeSnapshot(memory: Uint8Array, base: Uint8Array, key: string, maxBytes = SNAPSHOT_MAX_BYTES): Buffer | undefined {
  if (memory.length < base.length || memory.length > SNAPSHOT_MAX_MEMORY || memory.length % SNAPSHOT_PAGE || base.length % SNAPSHOT_PAGE) return undefined;
  const now = Buffer.from(memory.buffer, memory.byteOffset, memory.length);
  const was = Buffer.from(base.buffer, base.byteOffset, base.length);
  const zeros = Buffer.alloc(SNAPSHOT_PAGE);
  const pages: number[] = [];
  for (let at = 0; at < now.length; at += SNAPSHOT_PAGE) {
    const differs = at < was.length ? now.compare(was, at, at + SNAPSHOT_PAGE, at, at + SNAPSHOT_PAGE) : now.compare(zeros, 0, SNAPSHOT_PAGE, at, at + SNAPSHOT_PAGE);
    if (differs !== 0) pages.push(at / SNAPSHOT_PAGE);
  }
  const keyBytes = Buffer.from(key, 'utf8');
  const size = HEADER + keyBytes.length + pages.length * (4 + SNAPSHOT_PAGE) + SUM;
  if (size > maxBytes) return undefined;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(SNAPSHOT_FORMAT, 4);
  out.writeUInt32LE(keyBytes.length, 8);
  out.writeUInt32LE(memory.length, 12);
  out.writeUInt32LE(pages.length, 16);
  let at = HEADER + keyBytes.copy(out, HEADER);
  for (const p of pages) at = out.writeUInt32LE(p, at);
  for (const p of pages) at += now.copy(out, at, p * SNAPSHOT_PAGE, (p + 1) * SNAPSHOT_PAGE);
  createHash('sha256').update(out.subarray(0, at)).digest().copy(out, at);
  return out;
}

/**
 * Whether the file's SHA-256 matches its content, computed on libuv's thread pool (webcrypto), so
 * that a worker checks a snapshot while its own thread loads the parser.
 */
export async function checksumMatches(file: Uint8Array): Promise<boolean> {
  if (file.length < SUM) return false;
  const body = file.length - SUM;
  const sum = new Uint8Array(await webcrypto.subtle.digest('SHA-256', file.subarray(0, body)));
  return Buffer.from(sum).equals(file.subarray(body));
}

/**
 * `file` as a snapshot of the parser `key` names, or why it is not one. `checksumChecked`: the
 * caller has checked it (checksumMatches); otherwise it is checked here.
 */
export function decodeSnapshot(file: Uint8Array, key: string, checksumChecked = false): Snapshot | { invalid: string } {
  const b = Buffer.from(file.buffer, file.byteOffset, file.length);
  if (b.length < HEADER + SUM || b.readUInt32LE(0) !== MAGIC) return { invalid: 'not a parser snapshot' };
  if (b.readUInt32LE(4) !== SNAPSHOT_FORMAT) return { invalid: `format ${b.readUInt32LE(4)}, not ${SNAPSHOT_FORMAT}` };
  const keyLength = b.readUInt32LE(8);
  const memoryBytes = b.readUInt32LE(12);
  const count = b.readUInt32LE(16);
  if (memoryBytes > SNAPSHOT_MAX_MEMORY || memoryBytes % SNAPSHOT_PAGE) return { invalid: `memory of ${memoryBytes} bytes` };
  if (b.length !== HEADER + keyLength + count * (4 + SNAPSHOT_PAGE) + SUM) return { invalid: 'truncated or padded' };
  const body = b.length - SUM;
  if (!checksumChecked && !createHash('sha256').update(b.subarray(0, body)).digest().equals(b.subarray(body))) return { invalid: 'checksum mismatch' };
  if (b.toString('utf8', HEADER, HEADER + keyLength) !== key) return { invalid: 'another parser build' };
  const pagesAt = HEADER + keyLength;
  const pages = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    pages[i] = b.readUInt32LE(pagesAt + 4 * i);
    if ((pages[i] + 1) * SNAPSHOT_PAGE > memoryBytes || (i > 0 && pages[i] <= pages[i - 1])) return { invalid: 'page numbers out of order or range' };
  }
  return { memoryBytes, pages, data: b.subarray(pagesAt + 4 * count, body) };
}

/** Copies the snapshot's pages into a fresh instance's memory; false (nothing copied) if its size differs. */
export function applySnapshot(memory: Uint8Array, s: Snapshot): boolean {
  if (memory.length !== s.memoryBytes) return false;
  for (let i = 0; i < s.pages.length; i++) {
    memory.set(s.data.subarray(i * SNAPSHOT_PAGE, (i + 1) * SNAPSHOT_PAGE), s.pages[i] * SNAPSHOT_PAGE);
  }
  return true;
}
