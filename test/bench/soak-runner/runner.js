// Soak benchmark runner inside the extension host (scripts/bench/soak.mjs): alternates "Run Query"
// (the whole path: run, status polls, results posted to the panel, history) and sidebar tree
// refreshes (refresh command + the tree's children loaded from the emulator, through the test-only
// `hogql.test.sidebar` command: HOGQL_TEST_HOOKS=1), and samples this process's memory after a full
// GC every `sampleEvery` operations. The extension host is this process: heap and RSS are its own.
const vscode = require('vscode');
const fs = require('fs');
const v8 = require('v8');
const vm = require('vm');

const VIEWS = ['flags', 'insights', 'cohorts', 'dashboards', 'actions', 'annotations', 'persons', 'experiments', 'surveys'];
const QUERY = 'SELECT event, count() AS c, max(timestamp) AS last FROM events GROUP BY event ORDER BY c DESC';

function write(file, value) {
  fs.writeFileSync(file + '.tmp', JSON.stringify(value));
  fs.renameSync(file + '.tmp', file);
}

/** A full GC (exposed at run time: the extension host does not start with --expose-gc). */
function collector() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  return () => {
    gc();
    gc();
  };
}

async function operation(i, uri) {
  if (i % 2 === 0) {
    const r = await vscode.commands.executeCommand('hogql.runQuery', { uri: uri.toString(), offset: 0 });
    if (!r || r.kind !== 'done') throw new Error(`query ${i}: ${r && r.kind}: ${r && r.error}`);
    return;
  }
  const view = VIEWS[(i >> 1) % VIEWS.length];
  await vscode.commands.executeCommand(`hogql.${view}.refresh`);
  const c = await vscode.commands.executeCommand('hogql.test.sidebar', { op: 'children', view, path: [] });
  if (!c || !Array.isArray(c.items)) throw new Error(`refresh ${i} (${view}): no children`);
}

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  const cfg = process.env.HOGQL_BENCH_SOAK && JSON.parse(process.env.HOGQL_BENCH_SOAK);
  if (!out || !cfg) return;
  const result = { pid: process.pid, ops: cfg.ops, warmup: cfg.warmup, samples: [], done: false };
  try {
    const gc = collector();
    const sample = (ops) => {
      gc();
      const m = process.memoryUsage();
      result.samples.push({ ops, heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20, externalMB: m.external / 2 ** 20, ms: performance.now() });
      write(out, result);
    };
    // One origin per `switchEvery` operations (see scripts/bench/soak.mjs: the client's rate limits are per origin and key)
    const signIn = (i) => vscode.commands.executeCommand('hogql.signIn', { host: cfg.hosts[Math.floor(i / cfg.switchEvery)], key: cfg.key, projectId: cfg.projectId });
    await signIn(0);
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'soak.hogql');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(QUERY, 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('workbench.view.extension.posthog').then(undefined, () => undefined);
    sample(0);
    for (let i = 0; i < cfg.ops; i++) {
      if (i > 0 && i % cfg.switchEvery === 0) await signIn(i);
      // A heap snapshot stalls the host for seconds; the emulator may close the idle keep-alive
      // socket meanwhile, and a POST on it is not retried: run that one operation again.
      await operation(i, uri).catch((e) => (cfg.snapshots && /NetworkError/.test(String(e)) ? operation(i, uri) : Promise.reject(e)));
      if ((i + 1) % cfg.sampleEvery === 0 || i + 1 === cfg.warmup) sample(i + 1);
      // HOGQL_SOAK_SNAPSHOTS=dir: heap snapshots after warm-up and at the end, to diff when the goal is missed.
      if (cfg.snapshots && (i + 1 === cfg.warmup || i + 1 === cfg.ops)) {
        gc();
        v8.writeHeapSnapshot(require('path').join(cfg.snapshots, `soak-${i + 1}.heapsnapshot`));
      }
    }
    result.done = true;
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  write(out, result);
};
exports.deactivate = function deactivate() {};
