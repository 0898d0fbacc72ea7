/**
 * The parser snapshot (snapshot.ts) on disk, in the extension's global storage (issue #21): one
 * file, keyed by the parser build (package version, SHA-256 of its WASM and glue files, our format),
 * written atomically (a temporary file renamed over it), read and checked before a worker's first
 * parse; a file that fails a check (another build, corrupt, truncated) is ignored and deleted. It
 * holds a copy of the parser's heap, so fragments of statements parsed in the session that wrote it
 * (like the query history beside it). Pure Node (no `vscode`).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { checksumMatches, decodeSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_PAGE, type Snapshot } from './snapshot';

/** What identifies a parser build: a snapshot of another build is never applied. */
export async function parserBuildKey(version: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const f of files) hash.update(await readFile(f));
  return `@posthog/hogql-parser ${version}; files sha256 ${hash.digest('hex')}; format ${SNAPSHOT_FORMAT}; page ${SNAPSHOT_PAGE}`;
}

export type ReadResult = { snapshot: Snapshot; note: string } | { snapshot?: undefined; note: string };

/**
 * The snapshot at `file` if it is one of the build `key` names (deleting it if it is not one).
 * `read`: its bytes, when someone else reads the file (the host, as the worker starts).
 */
export async function readSnapshot(file: string, key: Promise<string>, read: Promise<Uint8Array> = readFile(file)): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await read;
  } catch (e) {
    return { note: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot' : `snapshot unreadable: ${(e as Error).message}` };
  }
  const s = (await checksumMatches(bytes)) ? decodeSnapshot(bytes, await key, true) : { invalid: 'checksum mismatch' };
  if ('invalid' in s) {
    await unlink(file).catch(() => undefined);
    return { note: `snapshot ignored and deleted: ${s.invalid}` };
  }
  return { snapshot: s, note: `snapshot read: ${s.pages.length} pages` };
}

/** A temporary file older than this is what a write that never finished left (a crash, a kill). */
export const STALE_TEMP_MS = 60_000;

/** Deletes the temporary files of `file`'s writes that never finished (another writer's recent one stays). */
async function removeStaleTemps(file: string, now: number): Promise<void> {
  const prefix = `${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  for (const n of names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))) {
    const f = join(dirname(file), n);
    const s = await stat(f).catch(() => undefined);
    if (s && now - s.mtimeMs > STALE_TEMP_MS) await unlink(f).catch(() => undefined);
  }
}

/**
 * Writes `bytes` to `file` atomically: readers see the old file or the new one, never a part. Also
 * deletes what earlier writes that never finished left beside it.
 */
export async function writeSnapshot(file: string, bytes: Uint8Array): Promise<void> {
  const now = Date.now();
  const tmp = `${file}.${process.pid}-${threadId}-${now}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await removeStaleTemps(file, now);
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
