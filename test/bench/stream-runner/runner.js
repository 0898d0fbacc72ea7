// Benchmark runner inside the extension host (scripts/bench/query-stream.mjs, issue #21): a big
// result, "Run Query" through the extension (the results panel paints it in the page the benchmark
// drives) vs a bare client (Node's fetch, i.e. undici) for the same query, alternating. For each run
// it records epoch-ms marks; after each extension run it waits for the benchmark to read the
// panel's paint times (an `ack-<n>` file) before the next run replaces the result.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');
const inspector = require('inspector');

/** CPU ms of each of this process's threads by name (Linux /proc; {} elsewhere): the main thread, libuv's pool (zlib streams), V8's helpers, workers. `procStat`: test/support/procStat.cjs. */
function threadCpu(procStat) {
  const out = {};
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = Number(tid) === process.pid ? 'main' : procStat.statName(stat).replace(/\d+$/, '');
      out[name] = (out[name] || 0) + procStat.statCpuMs(stat);
    }
  } catch {
    // not Linux
  }
  return out;
}

/** Runs `fn` with a V8 CPU profile of this extension host (0.5 ms sampling) and its threads' CPU; writes both beside `out`. */
async function profiled(out, procStat, fn) {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  const before = threadCpu(procStat);
  try {
    await fn();
  } finally {
    const after = threadCpu(procStat);
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    const threads = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] || 0)]));
    fs.writeFileSync(`${out}.cpuprofile`, JSON.stringify(profile));
    fs.writeFileSync(`${out}.threads.json`, JSON.stringify(threads));
  }
}

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
      if (cfg.profile && n === cfg.runs + 1) return profiled(out, require(cfg.procStat), () => ours(-n));
      const last = n < 0;
      n = Math.abs(n);
      // the host's thread busy: each gap of over 10 ms between 5 ms ticks, as [epoch ms at its end, ms]
      const busy = [];
      let lastTick = Date.now();
      const tick = setInterval(() => {
        const now = Date.now();
        if (now - lastTick > 10) busy.push([now, now - lastTick - 5]);
        lastTick = now;
      }, 5);
      // (the extra profiled run has its own profile: HOGQL_BENCH_STREAM_PROFILES profiles the timed runs)
      const prof = process.env.HOGQL_BENCH_STREAM_PROFILES && !last ? new inspector.Session() : undefined;
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
        fs.writeFileSync(`${process.env.HOGQL_BENCH_STREAM_PROFILES}-${n}.json`, JSON.stringify({ clock, profile }));
        prof.disconnect();
      }
      if (!r || r.kind !== 'done') throw new Error(`run ${r && r.kind}: ${r && r.error}`);
      const run = { n, t0, doneAt: Date.now(), queryId: r.queryId, rows: r.payload.rows.length, busy, ...(last ? { profiled: true } : {}) };
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
    // one more run of ours with a CPU profile of this host (not in the timed figures: profiling slows it)
    if (cfg.profile) await ours(cfg.runs + 1);
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  result.done = true;
  write(out, result);
};
exports.deactivate = function deactivate() {};
