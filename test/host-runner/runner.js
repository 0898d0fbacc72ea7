// Runs inside the VS Code extension host (so `require('vscode')` is the real API). When the
// harness sets HOGQL_HOST_TESTS (comma-separated test files) and HOGQL_HOST_RESULT (a JSON path), it
// runs them with mocha and writes { passes, failures, pending, ms } atomically. Any harness error is
// written as a failure so the driver never waits in vain.
const fs = require('fs');
const path = require('path');

function writeJson(file, value) {
  fs.writeFileSync(file + '.tmp', JSON.stringify(value, null, 2));
  fs.renameSync(file + '.tmp', file);
}

exports.activate = function activate() {
  const files = process.env.HOGQL_HOST_TESTS;
  const out = process.env.HOGQL_HOST_RESULT;
  if (!files || !out) return;
  const started = Date.now();
  const result = { passes: [], failures: [], pending: [] };
  try {
    let Mocha = require(process.env.HOGQL_MOCHA_PATH);
    Mocha = Mocha.default || Mocha;
    const mocha = new Mocha({ ui: 'bdd', timeout: Number(process.env.HOGQL_HOST_TIMEOUT || 30000), color: false });
    if (process.env.HOGQL_HOST_GREP) mocha.grep(process.env.HOGQL_HOST_GREP);
    for (const f of files.split(',')) mocha.addFile(path.resolve(f));
    const runner = mocha.run(() => writeJson(out, { ...result, ms: Date.now() - started }));
    runner.on('pass', (t) => result.passes.push({ title: t.fullTitle(), ms: t.duration }));
    runner.on('pending', (t) => result.pending.push({ title: t.fullTitle() }));
    runner.on('fail', (t, err) => result.failures.push({ title: t.fullTitle(), error: String((err && err.stack) || err) }));
  } catch (e) {
    result.failures.push({ title: 'host test harness', error: String((e && e.stack) || e) });
    writeJson(out, { ...result, ms: Date.now() - started });
  }
};

exports.deactivate = function deactivate() {};
