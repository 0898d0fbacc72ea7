/**
 * The pure parts of the workspace-wide search (workspaceFiles.ts): which files, the exclude glob,
 * ripgrep's command lines and the test on raw bytes. No `vscode`.
 */
import { mayHaveSdkCalls } from './gate';

/** The files the scanner reads. */
export const SDK_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go,rb}';
/** Folders left out whatever the settings say: dependencies, build output, caches. */
export const EXCLUDED_DIRS: readonly string[] = ['node_modules', '.git', 'dist', 'out', 'build', 'vendor', '.venv', 'venv', '__pycache__'];
/** Files larger than this are skipped (generated bundles, data). */
export const MAX_BYTES = 2_000_000;

/**
 * `findFiles`' exclude glob: the folders above and the enabled `search.exclude` globs (each also as
 * a folder: `**\/gen` leaves out `gen/a.ts`). Conditions (`{ when }`) and globs with braces, which
 * cannot nest in the one glob (ripgrep, which runs findFiles, rejects nested alternates), are left out.
 */
export function excludeGlob(searchExclude: Record<string, unknown>): string {
  // one level of braces only: ripgrep, which runs findFiles, rejects nested alternates
  const globs = EXCLUDED_DIRS.map((d) => `**/${d}/**`);
  for (const [glob, on] of Object.entries(searchExclude)) {
    if (on === true && glob && !/[{},]/.test(glob)) globs.push(glob, `${glob.replace(/\/+$/, '')}/**`);
  }
  return `{${globs.join(',')}}`;
}

/**
 * ripgrep's arguments for the SDK test (`mayHaveSdkCalls`) over folders: the files among the SDK
 * languages' that may match, listed. It walks as VS Code's file search does (no ignore files,
 * hidden files included, symlinks followed) but skips only the dependency folders: `findFiles`'
 * list decides what counts.
 */
export function ripgrepArgs(folders: readonly string[]): string[] {
  const skip = EXCLUDED_DIRS.flatMap((d) => ['-g', `!**/${d}/**`]);
  const files = ['-g', SDK_GLOB.slice('**/'.length)];
  return ['--files-with-matches', '--no-config', '--no-messages', '--no-ignore', '--hidden', '--follow', '--text', '--ignore-case', '--fixed-strings', '--max-filesize', `${MAX_BYTES}`, ...files, ...skip, '-e', 'posthog', '-e', 'hogql', '--', ...folders];
}

/**
 * Whether raw bytes may hold SDK calls, without decoding them: `mayHaveSdkCalls` on their one-byte
 * (latin1) view. The same answer as on the UTF-8 text: the names are ASCII, ASCII bytes never occur
 * inside a UTF-8 sequence, and no latin1 character folds to an ASCII letter without the `u` flag.
 */
export function mayHaveSdkBytes(bytes: Uint8Array): boolean {
  return mayHaveSdkCalls(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

/** Splits text arriving in pieces (a process's output) into its non-empty lines, each handed to `line` once complete. */
export function lineReader(line: (text: string) => void): { push: (chunk: string) => void; end: () => void } {
  let rest = '';
  return {
    push: (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const p of parts) if (p) line(p);
    },
    end: () => {
      if (rest) line(rest);
      rest = '';
    },
  };
}
