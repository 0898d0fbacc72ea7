// Full export benchmark runner inside the extension host (scripts/bench/export.mjs): signs in to the
// emulator, then runs "PostHog: Export Full Result…" (hogql.exportFullResult, with a path: no
// dialog) of a 1M-row query once per format, and measures this process's memory: RSS after a full GC
// before the export (idle), RSS sampled every 10 ms during it, and the kernel's peak RSS (VmHWM,
// reset before each export through /proc/self/clear_refs). The extension host is this process.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');
const v8 = require('v8');
const vm = require('vm');

function write(file, value) {
  fs.writeFileSync(file + '.tmp', JSON.stringify(value));
  fs.renameSync(file + '.tmp', file);
}

function collector() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  return () => {
    gc();
    gc();
  };
}

const mb = (bytes) => bytes / 2 ** 20;

/** The kernel's peak RSS of this process since the last reset, in MB (undefined off Linux). */
function peakRss() {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function resetPeak() {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until the host is idle in memory: RSS within 2 MB for 3 s (polled every 250 ms), at most
 * 30 s. Opening the query starts the language features (the parser worker, in this process), which
 * grew RSS by ~16 MB over ~5 s and ran beside a first export measured at once (issue #17).
 */
async function settle() {
  const started = performance.now();
  let base = mb(process.memoryUsage().rss);
  let since = started;
  while (performance.now() - started < 30_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = mb(process.memoryUsage().rss);
    if (Math.abs(now - base) > 2) (base = now), (since = performance.now());
    else if (performance.now() - since >= 3_000) return { ms: performance.now() - started, steady: true };
  }
  return { ms: performance.now() - started, steady: false };
}

async function measure(format, uri, dir, gc) {
  const file = path.join(dir, `export-bench.${format}`);
  gc();
  const idle = mb(process.memoryUsage().rss);
  const reset = resetPeak();
  let sampled = idle;
  const timer = setInterval(() => (sampled = Math.max(sampled, mb(process.memoryUsage().rss))), 10);
  const started = performance.now();
  const outcome = await vscode.commands.executeCommand('hogql.exportFullResult', { uri: uri.toString(), offset: 0, format, path: file });
  const ms = performance.now() - started;
  clearInterval(timer);
  sampled = Math.max(sampled, mb(process.memoryUsage().rss));
  if (!outcome || outcome.kind !== 'done') throw new Error(`${format} export: ${outcome && outcome.kind}: ${outcome && outcome.error}`);
  const size = fs.statSync(file).size;
  fs.rmSync(file, { force: true });
  return { format, rows: outcome.rows, pages: outcome.pages, ms, bytes: size, idleMB: idle, sampledPeakMB: sampled, kernelPeakMB: reset ? peakRss() : undefined };
}

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  const cfg = process.env.HOGQL_BENCH_EXPORT && JSON.parse(process.env.HOGQL_BENCH_EXPORT);
  if (!out || !cfg) return;
  const result = { pid: process.pid, runs: [], done: false };
  try {
    const gc = collector();
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('hogql.signIn', { host: cfg.url, key: cfg.key, projectId: cfg.projectId });
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'export-bench.hogql');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(cfg.query, 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    result.settle = await settle();
    for (const format of cfg.formats) {
      result.runs.push(await measure(format, uri, cfg.dir, gc));
      write(out, result);
    }
    result.done = true;
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  write(out, result);
};
exports.deactivate = function deactivate() {};
