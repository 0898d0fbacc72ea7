/**
 * The last results of query history entries, kept in files (the extension's global storage) so an
 * entry's result reopens without running the query again, after a reload too. Bounded: at most
 * `maxEntries` results, each cut to `maxRows` rows and `maxBytes` bytes of JSON, `maxTotalBytes` in
 * all; the least recently stored go first. No `vscode`: plain Node (unit-tested on a temp dir).
 *
 * Layout: `<dir>/index.json` (newest first: id, bytes, rows, stored at) and one
 * `<dir>/<hex of the id>.json` per result. A missing or broken file reads as "not cached".
 */
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cell, Column } from '../results/protocol';

export interface CacheLimits {
  maxEntries: number;
  maxRows: number;
  maxBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { maxEntries: 20, maxRows: 10_000, maxBytes: 4 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024 };

/** What is kept of a result. */
export interface CachedResult {
  columns: Column[];
  rows: Cell[][];
  /** Rows the run returned (more than `rows` when the cache cut it). */
  totalRows: number;
  elapsedMs: number;
  /** Epoch ms when it was stored. */
  storedAt: number;
  timezone?: string;
  query?: string;
}

export interface IndexEntry {
  id: string;
  bytes: number;
  rows: number;
  storedAt: number;
}

const fileOf = (id: string): string => `${Buffer.from(id, 'utf8').toString('hex').slice(0, 200)}.json`;

/**
 * Rows cut to `maxRows`, then to the most that fit in `maxBytes` of JSON (the array's text: its
 * rows' texts, a comma between two, the brackets). When they do not all fit each row is
 * serialised once up to the limit (a serialisation per step of a binary search cost ~10× that,
 * issue #21).
 */
export function fitRows(rows: readonly Cell[][], maxRows: number, maxBytes: number): Cell[][] {
  const kept = rows.slice(0, maxRows);
  if (Buffer.byteLength(JSON.stringify(kept)) <= maxBytes) return kept;
  let bytes = 2; // []
  for (let n = 0; n < kept.length; n++) {
    bytes += Buffer.byteLength(JSON.stringify(kept[n])) + (n > 0 ? 1 : 0);
    if (bytes > maxBytes) return kept.slice(0, n);
  }
  return kept;
}

/** The index after storing `added` (newest first): the entries to keep and the ids to drop. */
export function planIndex(index: readonly IndexEntry[], added: IndexEntry, limits: CacheLimits): { keep: IndexEntry[]; drop: string[] } {
  const keep: IndexEntry[] = [added];
  const drop: string[] = [];
  let total = added.bytes;
  for (const e of index) {
    if (e.id === added.id) continue;
    if (keep.length < limits.maxEntries && total + e.bytes <= limits.maxTotalBytes) {
      keep.push(e);
      total += e.bytes;
    } else drop.push(e.id);
  }
  return { keep, drop };
}

export class ResultCache {
  /** Writes one at a time: each reads the index the previous one wrote. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
  ) {}

  private async index(): Promise<IndexEntry[]> {
    try {
      const raw: unknown = JSON.parse(await readFile(join(this.dir, 'index.json'), 'utf8'));
      return Array.isArray(raw) ? raw.filter((e): e is IndexEntry => typeof e?.id === 'string' && typeof e.bytes === 'number' && typeof e.rows === 'number' && typeof e.storedAt === 'number') : [];
    } catch {
      return [];
    }
  }

  /** The ids cached now, newest first. */
  async ids(): Promise<string[]> {
    return (await this.index()).map((e) => e.id);
  }

  /** Stores `result` as entry `id`'s last result (replacing an older one); evicts past the limits. */
  put(id: string, result: Omit<CachedResult, 'storedAt' | 'totalRows'>, storedAt = Date.now()): Promise<CachedResult> {
    const work = this.queue.then(() => this.write(id, result, storedAt));
    this.queue = work.catch(() => undefined);
    return work;
  }

  private async write(id: string, result: Omit<CachedResult, 'storedAt' | 'totalRows'>, storedAt: number): Promise<CachedResult> {
    await mkdir(this.dir, { recursive: true });
    const rows = fitRows(result.rows, this.limits.maxRows, this.limits.maxBytes);
    const stored: CachedResult = { ...result, rows, totalRows: result.rows.length, storedAt };
    const text = JSON.stringify(stored);
    const file = join(this.dir, fileOf(id));
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
    const { keep, drop } = planIndex(await this.index(), { id, bytes: Buffer.byteLength(text), rows: rows.length, storedAt }, this.limits);
    await writeFile(join(this.dir, 'index.json.tmp'), JSON.stringify(keep));
    await rename(join(this.dir, 'index.json.tmp'), join(this.dir, 'index.json'));
    await Promise.all(drop.map((d) => rm(join(this.dir, fileOf(d)), { force: true })));
    return stored;
  }

  /** Entry `id`'s cached result, or `undefined` when it was never stored or was evicted. */
  async get(id: string): Promise<CachedResult | undefined> {
    await this.queue;
    if (!(await this.index()).some((e) => e.id === id)) return undefined;
    try {
      const raw = JSON.parse(await readFile(join(this.dir, fileOf(id)), 'utf8')) as CachedResult;
      return Array.isArray(raw.columns) && Array.isArray(raw.rows) ? raw : undefined;
    } catch {
      return undefined;
    }
  }

  /** Drops every cached result. */
  async clear(): Promise<void> {
    const work = this.queue.then(() => rm(this.dir, { recursive: true, force: true }));
    this.queue = work.catch(() => undefined);
    await work;
  }
}
