// Benchmark runner inside the extension host: end-to-end latency of "Run Query" (the extension's
// whole path: async run + status polls + lossless parsing + results payload posted to the panel)
// vs a bare blocking HTTP request for the same query to the same emulator, interleaved.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  const cfg = process.env.HOGQL_BENCH_QUERY && JSON.parse(process.env.HOGQL_BENCH_QUERY);
  if (!out || !cfg) return;
  const result = { ours: [], bare: [] };
  try {
    await vscode.commands.executeCommand('hogql.signIn', { host: cfg.url, key: cfg.key, projectId: cfg.projectId });
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'bench.hogql');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(cfg.query, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const bare = async () => {
      const t0 = performance.now();
      const res = await fetch(`${cfg.url}/api/projects/${cfg.projectId}/query/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cfg.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: { kind: 'HogQLQuery', query: cfg.query }, refresh: 'force_blocking' }),
      });
      await res.json();
      return performance.now() - t0;
    };
    const ours = async () => {
      const t0 = performance.now();
      const r = await vscode.commands.executeCommand('hogql.runQuery', { uri: uri.toString(), offset: 0 });
      if (!r || r.kind !== 'done') throw new Error(`run ${r && r.kind}: ${r && r.error}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i++) {
      await bare();
      await ours();
    }
    for (let i = 0; i < cfg.runs; i++) {
      result.bare.push(await bare());
      result.ours.push(await ours());
    }
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  fs.writeFileSync(out + '.tmp', JSON.stringify(result));
  fs.renameSync(out + '.tmp', out);
};
exports.deactivate = function deactivate() {};
