// Benchmark runner inside the extension host: activates the empty baseline extension and the
// HogQL extension (neither is active yet: nothing in the workspace triggers them) and records the
// wall time of each `activate()` call, which includes loading the extension's bundle.
const vscode = require('vscode');
const fs = require('fs');

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  if (!out) return;
  const order = (process.env.HOGQL_BENCH_ORDER || 'empty,hogql').split(',');
  const ids = { empty: 'hogql-dev.empty', hogql: 'hogql-dev.vscode-hogql' };
  const result = {};
  try {
    for (const name of order) {
      const ext = vscode.extensions.getExtension(ids[name]);
      if (!ext) throw new Error(`${ids[name]} not installed`);
      if (ext.isActive) throw new Error(`${ids[name]} was already active`);
      const t0 = performance.now();
      const api = await ext.activate();
      result[name] = { wallMs: performance.now() - t0, insideMs: api && api.activationMs, languageMs: api && api.languageMs, phases: api && api.phases };
      if (name === 'hogql') {
        // nothing HogQL is open, so the language bundle (dist/language.js) must not be loaded yet
        result[name].languageBundleLoaded = Object.keys(require.cache).some((f) => /[\\/]dist[\\/]language\.js$/.test(f));
      }
    }
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  fs.writeFileSync(out + '.tmp', JSON.stringify(result));
  fs.renameSync(out + '.tmp', out);
};
exports.deactivate = function deactivate() {};
