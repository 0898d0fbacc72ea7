/**
 * The parser snapshot (snapshot.ts) on disk, in the extension's global storage (issue #21): one
 * file, keyed by the parser build (package version, SHA-256 of its WASM and glue files, our format),
 * written atomically (a temporary file renamed over it), read and checked before a worker's first
 * parse; a file that fails a check (another build, corrupt, truncated) is ignored and deleted. It
 * holds a copy of the parser's heap, so fragments of statements parsed in the session that wrote it
 * (like the query history beside it). Pure Node (no `vscode`).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/** Writes `bytes` to `file` atomically: readers see the old file or the new one, never a part. */
export async function writeSnapshot(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}-${threadId}-${Date.now()}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
