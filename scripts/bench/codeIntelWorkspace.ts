// Code intelligence on a big repository (issue #19, "Speed and size"), in the real host
// (code-server + Chromium, the packaged .vsix with test hooks) against the emulator's flags, on a
// generated 5,000-file workspace (test/support/sdkRepo.ts: TS/TSX/JS/Python/Go/Ruby, 4 % of the
// files call an SDK, some ≈ 400 KB, plus 1,000 files in node_modules/dist/vendor that must be left
// out). Runner: test/bench/codeintel-runner. Measures:
//  - the Stale Flags view's first paint: its rows from the view's own provider, cold (first use in
//    the session: bundle, definitions, every file) and warm (refresh → rows); goal ≤ 1 s;
//  - "Find References" of a flag: command → uses (References view shown), cold and warm;
//    baselines, same run: VS Code's file search alone (`findFiles`, our search's file list), that list
//    plus a plain read of every file in the host, and ripgrep (what VS Code's text search runs) for
//    the key over the same files, from outside the host;
//  - edit → inline status refreshed on a 1,000-line TS file: the debounce (stated apart) and the
//    refresh after it (scan, diagnostics, decorations); goal ≤ 50 ms after the debounce.
// `node scripts/bench.mjs --no-setup --only codeIntelWorkspace`; HOGQL_BENCH_CODEINTEL_RUNS (default 5).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSdkRepo } from '../../test/support/sdkRepo';
import { generateTs } from '../../test/support/sdkCorpus';
import * as host from '../../test/support/host.mjs';
import { startEmulator } from '../../test/support/emulator.mjs';
import { packageExtension } from '../package.mjs';
import { reportRow } from './lib/rows.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.env.HOGQL_BENCH_CODEINTEL_RUNS || 5);
const FLAG = 'bench-flag-5k';
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Result {
  error?: string;
  done?: boolean;
  baselines: { findFilesMs: number; files: number; readAllMs: number; bytes: number }[];
  stale: { cold: boolean; ms: number; groups: string[]; rows: number }[];
  refs: { cold: boolean; ms: number; found: number }[];
  debounceMs: number;
  decorations: { editToDoneMs: number; changeToStartMs: number; refreshMs: number; refreshCpuMs: number; changeToDoneMs: number; statuses: number }[];
}

/** The workspace: the generated repo, a 1,000-line file for the edits, the emulator's flag keys used too. */
function writeRepo(dir: string, flagKeys: string[]): ReturnType<typeof generateSdkRepo> {
  const repo = generateSdkRepo({ files: 5_000, excludedFiles: 1_000, flag: FLAG, otherFlags: flagKeys.slice(0, 6) });
  for (const f of repo.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  mkdirSync(join(dir, 'bench'), { recursive: true });
  writeFileSync(join(dir, 'bench/corpus.ts'), generateTs(1_000));
  return repo;
}

/** ripgrep for the key over the same files (same extensions, same left-out folders), from outside the host. */
function ripgrep(dir: string): { ms: number; files: number } {
  const globs = ['-g', '*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go,rb}', ...['node_modules', '.git', 'dist', 'out', 'build', 'vendor', '.venv', 'venv', '__pycache__'].flatMap((d) => ['-g', `!**/${d}/**`])];
  const t0 = performance.now();
  const out = execFileSync('rg', ['-l', '--no-ignore', '--hidden', '-F', FLAG, ...globs, dir], { encoding: 'utf8' });
  return { ms: performance.now() - t0, files: out.split('\n').filter(Boolean).length };
}

async function runHost(ws: string, emulator: { url: string; personalKey: string; projects: { id: number }[] }): Promise<Result> {
  const vsix = packageExtension({ quiet: true, testHooks: true });
  const dirs = host.prepareRun({ name: 'bench-codeintel-ws', vsix: vsix.path, extraExtensions: [{ from: join(root, 'test/bench/codeintel-runner'), id: 'hogql-dev.codeintel-bench-runner-0.0.1' }] });
  const resultFile = join(dirs.run, 'codeintel.json');
  const server = await host.startCodeServer({ ...dirs, ws }, {
    HOGQL_TEST_HOOKS: '1',
    HOGQL_BENCH_RESULT: resultFile,
    HOGQL_BENCH_CODEINTEL: JSON.stringify({ url: emulator.url, key: emulator.personalKey, projectId: emulator.projects[0]!.id, flag: FLAG, runs, edits: 10, decorationsFile: 'bench/corpus.ts' }),
  });
  const browser = await host.launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.workbenchUrl);
    const r = (await host.waitFor(() => {
      const cur = host.readJson(resultFile) as Result | undefined;
      return cur && (cur.done || cur.error) ? cur : undefined;
    }, 20 * 60_000, 'the code intelligence benchmark', 200)) as Result;
    if (r.error) throw new Error(r.error);
    return r;
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

function report(r: Result, repo: ReturnType<typeof generateSdkRepo>, rg: number[]): void {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const b = r.baselines;
  console.log(`code intelligence, ${b[0]!.files} files searched (${(b[0]!.bytes / 2 ** 20).toFixed(1)} MiB; ${repo.excluded.length} more left out), ${runs} warm runs; machine load ${load}`);
  const [coldStale, warmStale] = [r.stale.find((s) => s.cold)!, r.stale.filter((s) => !s.cold)];
  const [coldRefs, warmRefs] = [r.refs.find((s) => s.cold)!, r.refs.filter((s) => !s.cold)];
  console.log(`  stale flags view, first paint: cold ${coldStale.ms} ms; warm (refresh → rows) ${warmStale.map((s) => s.ms).join(', ')} ms; rows ${coldStale.rows}: ${coldStale.groups.join(', ')}`);
  console.log(`  find references of ${FLAG}: cold ${coldRefs.ms} ms; warm ${warmRefs.map((s) => s.ms).join(', ')} ms; found ${coldRefs.found} (expected ${repo.uses.length})`);
  console.log(`  baselines: findFiles ${b.map((x) => x.findFilesMs).join(', ')} ms; findFiles + read every file ${b.map((x) => x.readAllMs).join(', ')} ms; ripgrep for the key ${rg.map((x) => x.toFixed(0)).join(', ')} ms`);
  if (r.refs.some((x) => x.found !== repo.uses.length)) console.log(`  WRONG: find references found ${r.refs.map((x) => x.found).join(', ')}, expected ${repo.uses.length}`);
  const stale = median(warmStale.map((s) => s.ms));
  const refs = median(warmRefs.map((s) => s.ms));
  const readAll = median(b.map((x) => x.readAllMs));
  reportRow({ id: 'staleFirstPaint', value: Math.max(coldStale.ms, stale), baseline: readAll, baselineLabel: 'findFiles + read every file', note: `cold ${coldStale.ms} ms, warm median ${stale} ms` });
  reportRow({ id: 'flagReferences', value: refs, baseline: median(rg), baselineLabel: 'ripgrep for the key', note: `warm median of ${warmRefs.length}, cold ${coldRefs.ms} ms; findFiles alone ${median(b.map((x) => x.findFilesMs))} ms, + read every file ${readAll} ms` });
  const d = r.decorations;
  const DEBOUNCE_MS = r.debounceMs;
  console.log(`  edit → inline status, ${d.length} edits of a 1,000-line file (${d.at(-1)!.statuses} statuses): debounce ${DEBOUNCE_MS} ms; the change reaching the host → refresh start ${d.map((x) => x.changeToStartMs).join(', ')} ms; refresh ${d.map((x) => x.refreshMs).join(', ')} ms (CPU ${d.map((x) => x.refreshCpuMs.toFixed(1)).join(', ')} ms); editor.edit() called → refreshed (the workbench's round trip included) ${d.map((x) => x.editToDoneMs).join(', ')} ms`);
  const after = median(d.map((x) => x.changeToDoneMs - DEBOUNCE_MS));
  reportRow({ id: 'decorations', value: after, baseline: DEBOUNCE_MS, baselineLabel: 'debounce', note: `change → decorations ${median(d.map((x) => x.changeToDoneMs))} ms median, the refresh itself ${median(d.map((x) => x.refreshMs))} ms, its CPU time ${median(d.map((x) => x.refreshCpuMs)).toFixed(1)} ms` });
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ events: 1_000, rateLimits: false });
  const ws = mkdtempSync(join(tmpdir(), 'hogql-bench-5k-'));
  try {
    const res = await fetch(`${emulator.url}/api/projects/${emulator.projects[0].id}/feature_flags/?limit=100`, { headers: { authorization: `Bearer ${emulator.personalKey}` } });
    const flags = ((await res.json()) as { results: { key: string; deleted?: boolean }[] }).results.filter((f) => !f.deleted).map((f) => f.key);
    const repo = writeRepo(ws, flags);
    const rg = Array.from({ length: runs }, () => ripgrep(ws));
    if (rg[0]!.files !== new Set(repo.uses.map((u) => u.split(':')[0])).size) console.log(`  note: ripgrep found ${rg[0]!.files} files`);
    const r = await runHost(ws, emulator);
    report(r, repo, rg.map((x) => x.ms));
  } finally {
    rmSync(ws, { recursive: true, force: true });
    await emulator.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
