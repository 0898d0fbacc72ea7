// Benchmark runner inside the extension host (scripts/bench/codeIntelWorkspace.ts, issue #19) on a
// generated 5,000-file workspace: the Stale Flags view's first paint (its root rows through the
// view's own provider, via the test-only `hogql.codeIntel.staleFlags`; HOGQL_TEST_HOOKS=1), "Find
// References" of a flag (the real `hogql.flags.findReferences`: command → uses, References view
// shown), each cold (first in the session) then warm, against VS Code's own file search of the same
// files (`findFiles`, the list our search starts from) and that list plus a plain read of every file;
// then edit → inline status refreshed on a 1,000-line file (the refresh's times through the
// test-only `hogql.codeIntel.refreshTimingOf`). Writes epoch-ms figures to HOGQL_BENCH_RESULT.
const vscode = require('vscode');
const fs = require('fs');

const GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go,rb}';
const EXCLUDE = '**/{node_modules,.git,dist,out,build,vendor,.venv,venv,__pycache__}/**';

function write(out, result) {
  fs.writeFileSync(out + '.tmp', JSON.stringify(result));
  fs.renameSync(out + '.tmp', out);
}

async function timed(fn) {
  const t0 = Date.now();
  const value = await fn();
  return { ms: Date.now() - t0, value };
}

async function waitFor(fn, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const countRows = (rows) => rows.reduce((n, r) => n + 1 + countRows(r.children || []), 0);

async function baselines(result) {
  const list = await timed(() => vscode.workspace.findFiles(GLOB, EXCLUDE, 20_000));
  const read = await timed(async () => {
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, 20_000);
    let bytes = 0;
    let next = 0;
    const worker = async () => {
      while (next < uris.length) {
        const data = await vscode.workspace.fs.readFile(uris[next++]);
        bytes += data.byteLength;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return { files: uris.length, bytes };
  });
  result.baselines.push({ findFilesMs: list.ms, files: list.value.length, readAllMs: read.ms, bytes: read.value.bytes });
}

async function stalePaint(result, cold) {
  const t0 = Date.now();
  if (!cold) await vscode.commands.executeCommand('hogql.staleFlags.refresh');
  const rows = await vscode.commands.executeCommand('hogql.codeIntel.staleFlags');
  result.stale.push({ cold, ms: Date.now() - t0, groups: rows.map((g) => `${g.label} (${g.children.length})`), rows: countRows(rows) });
}

async function references(result, cfg, cold) {
  const r = await timed(() => vscode.commands.executeCommand('hogql.flags.findReferences', { key: cfg.flag }));
  result.refs.push({ cold, ms: r.ms, found: r.value.length });
}

async function decorations(result, cfg) {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, cfg.decorationsFile);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const timing = () => vscode.commands.executeCommand('hogql.codeIntel.refreshTimingOf', uri.toString());
  const statuses = () => vscode.commands.executeCommand('hogql.codeIntel.inlineStatusOf', uri.toString());
  await waitFor(async () => (await statuses()).length > 0, 60_000, 'the first inline statuses');
  // when this host learns of each version (the debounce starts there; the edit's round trip through
  // the workbench before it is not ours)
  const changedAt = new Map();
  const sub = vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && changedAt.set(e.document.version, Date.now()));
  for (let i = 0; i < cfg.edits; i++) {
    // a new flag check on line 3 (the statuses change with each edit), as a user types one
    const t0 = Date.now();
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), `posthog.isFeatureEnabled('typed-${i}')\n`));
    const version = doc.version;
    const t = await waitFor(async () => {
      const x = await timing();
      return x && x.version >= version ? x : undefined;
    }, 30_000, `the refresh after edit ${i}`);
    const shown = await statuses();
    if (!shown.some((s) => s.line === 2 && s.text.startsWith(`typed-${i}:`))) throw new Error(`edit ${i}: no status for typed-${i} on line 3`);
    const changed = changedAt.get(version);
    result.debounceMs = t.debounceMs;
    result.decorations.push({ editToDoneMs: t.doneAt - t0, changeToStartMs: t.startedAt - changed, refreshMs: t.doneAt - t.startedAt, refreshCpuMs: t.cpuMs, changeToDoneMs: t.doneAt - changed, statuses: shown.length });
    write(cfg.out, result);
  }
  sub.dispose();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  const cfg = process.env.HOGQL_BENCH_CODEINTEL && JSON.parse(process.env.HOGQL_BENCH_CODEINTEL);
  if (!out || !cfg) return;
  cfg.out = out;
  const result = { baselines: [], stale: [], refs: [], decorations: [] };
  try {
    await vscode.commands.executeCommand('hogql.signIn', { host: cfg.url, key: cfg.key, projectId: cfg.projectId });
    // cold: nothing of code intelligence loaded yet (no SDK file open), the files not read before
    await stalePaint(result, true);
    await references(result, cfg, true);
    for (let i = 0; i < cfg.runs; i++) {
      // alternating, so neither side always runs on the file cache the other warmed
      if (i % 2 === 0) await baselines(result);
      await stalePaint(result, false);
      await references(result, cfg, false);
      if (i % 2 === 1) await baselines(result);
      write(out, result);
    }
    await decorations(result, cfg);
    result.done = true;
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  write(out, result);
};
exports.deactivate = function deactivate() {};
