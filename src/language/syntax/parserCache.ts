/**
 * PostHog's parser's caches on disk, in the extension's global storage (issue #21): the snapshot
 * of its memory (workerSnapshot.ts, snapshotStore.ts) and its verdicts (verdictStore.ts). Both may
 * hold fragments of the statements parsed (the snapshot is a copy of the parser's heap; a stored
 * error's message quotes the text near the error), so the setting `hogql.diagnostics.parserCache`
 * turns them off: then neither file is read or written, and both are deleted. Pure Node (no `vscode`).
 */
import { readdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parserSnapshotFile, parserVerdictFile } from './workerStart';

/** Where ParserClient keeps its caches (its options of the same names); none: no cache. */
export interface ParserCacheFiles {
  snapshotFile?: string;
  verdictFile?: string;
}

/** The caches' files in `globalStorageDir`, or none when `enabled` is false. */
export function parserCacheFiles(globalStorageDir: string, enabled: boolean): ParserCacheFiles {
  if (!enabled) return {};
  const snapshotFile = parserSnapshotFile(globalStorageDir);
  return { snapshotFile, verdictFile: parserVerdictFile(snapshotFile) };
}

/**
 * Deletes the caches' files in `globalStorageDir`, and the temporary files their writes leave
 * (snapshotStore.ts's writeSnapshot); resolves with the names deleted. Call it once no client or
 * worker writes them (ParserClient.dispose()'s promise settled).
 */
export async function removeParserCache(globalStorageDir: string): Promise<string[]> {
  const snapshotFile = parserSnapshotFile(globalStorageDir);
  const files = [basename(snapshotFile), basename(parserVerdictFile(snapshotFile))];
  const ours = (n: string): boolean => files.some((f) => n === f || (n.startsWith(`${f}.`) && n.endsWith('.tmp')));
  const names = (await readdir(globalStorageDir).catch(() => [] as string[])).filter(ours);
  const deleted: string[] = [];
  for (const n of names) {
    await unlink(join(globalStorageDir, n)).then(
      () => deleted.push(n),
      () => undefined,
    );
  }
  return deleted;
}
