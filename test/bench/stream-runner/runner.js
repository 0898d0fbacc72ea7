// Benchmark runner inside the extension host (scripts/bench/query-stream.mjs, issue #21): a big
// result, "Run Query" through the extension (the results panel paints it in the page the benchmark
// drives) vs a bare client (Node's fetch, i.e. undici) for the same query, alternating. For each run
// it records epoch-ms marks; after each extension run it waits for the benchmark to read the
// panel's paint times (an `ack-<n>` file) before the next run replaces the result.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const exists = (f) => fs.existsSync(f);
async function waitForFile(file, ms) {
  const end = Date.now() + ms;
  while (!exists(file)) {
    if (Date.now() > end) throw new Error(`no ${path.basename(file)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function write(out, result) {
  fs.writeFileSync(out + '.tmp', JSON.stringify(result));
  fs.renameSync(out + '.tmp', out);
}

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  const cfg = process.env.HOGQL_BENCH_STREAM && JSON.parse(process.env.HOGQL_BENCH_STREAM);
  if (!out || !cfg) return;
  const result = { bare: [], ours: [] };
  try {
    await vscode.commands.executeCommand('hogql.signIn', { host: cfg.url, key: cfg.key, projectId: cfg.projectId });
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'bench.hogql');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(cfg.query, 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const bare = async () => {
      const t0 = Date.now();
      const res = await fetch(`${cfg.url}/api/projects/${cfg.projectId}/query/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cfg.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: { kind: 'HogQLQuery', query: cfg.query }, refresh: 'force_blocking' }),
      });
      const headersAt = Date.now();
      const reader = res.body.getReader();
      const chunks = [];
      let firstByteAt;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        firstByteAt ??= Date.now();
        chunks.push(value);
      }
      const bodyAt = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!res.ok || !Array.isArray(body.results)) throw new Error(`bare request: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      const rows = body.results.length;
      return { t0, headersAt, firstByteAt, bodyAt, parsedAt: Date.now(), rows };
    };
    const ours = async (n) => {
      // the host's thread busy: each gap of over 10 ms between 5 ms ticks, as [epoch ms at its end, ms]
      const busy = [];
      let last = Date.now();
      const tick = setInterval(() => {
        const now = Date.now();
        if (now - last > 10) busy.push([now, now - last - 5]);
        last = now;
      }, 5);
      const prof = process.env.HOGQL_BENCH_STREAM_PROFILE ? new (require('inspector').Session)() : undefined;
      const postP = (m, p) => new Promise((res, rej) => prof.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
      if (prof) {
        prof.connect();
        await postP('Profiler.enable');
        await postP('Profiler.setSamplingInterval', { interval: 500 });
        await postP('Profiler.start');
      }
      const clock = { epoch: Date.now(), mono: Number(process.hrtime.bigint() / 1000n) };
      const t0 = Date.now();
      const r = await vscode.commands.executeCommand('hogql.runQuery', { uri: uri.toString(), offset: 0 });
      clearInterval(tick);
      if (prof) {
        const { profile } = await postP('Profiler.stop');
        fs.writeFileSync(`${process.env.HOGQL_BENCH_STREAM_PROFILE}-${n}.json`, JSON.stringify({ clock, profile }));
        prof.disconnect();
      }
      if (!r || r.kind !== 'done') throw new Error(`run ${r && r.kind}: ${r && r.error}`);
      const run = { n, t0, doneAt: Date.now(), queryId: r.queryId, rows: r.payload.rows.length, busy };
      result.ours.push(run);
      write(out, result);
      await waitForFile(`${out}.ack-${n}`, 600_000);
    };
    for (let i = 0; i < cfg.runs + 1; i++) {
      // the first pair warms up (host, emulator, panel) and is dropped by the benchmark
      if (i % 2 === 0) {
        result.bare.push(await bare());
        await ours(i);
      } else {
        await ours(i);
        result.bare.push(await bare());
      }
    }
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  result.done = true;
  write(out, result);
};
exports.deactivate = function deactivate() {};
