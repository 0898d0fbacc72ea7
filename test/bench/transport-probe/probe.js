// Benchmark probe inside the extension host (scripts/bench/webview-transport.mjs, issue #21): the
// floor of the extension host → webview transport in code-server, with nothing of ours in the way.
// It opens a bare webview panel and posts the same bytes a 50,000 × 20 result is (its JSON text,
// or that text deflated at level 1 as src/webview/wireDeflate.ts does) in 1 or 10 messages, as
// Uint8Arrays, without awaiting each post (as the results panel posts a stream). The page notes
// when each message arrives (and, where asked, when it has decoded and parsed it) and posts that back.
const vscode = require('vscode');
const fs = require('fs');
const zlib = require('zlib');
const crypto = require('crypto');

function write(out, value) {
  fs.writeFileSync(out + '.tmp', JSON.stringify(value));
  fs.renameSync(out + '.tmp', out);
}

/** Rows shaped like scripts/bench/query-stream.mjs's query (ints, strings, floats, ints beyond 2^53). */
function rowsText(n) {
  const rows = [];
  for (let r = 0; r < n; r++) {
    const cells = [];
    for (let i = 0; i < 20; i++) {
      const k = i % 4;
      cells.push(k === 0 ? String(r * (i + 1)) : k === 1 ? JSON.stringify(String(r * i)) : k === 2 ? String(r / (i + 1)) : `${BigInt(r) * 1000000000000n + BigInt(i)}`);
    }
    rows.push(`[${cells.join(',')}]`);
  }
  return rows;
}

const PAGE = (nonce) => `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><div id="probe">probe</div><script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const runs = new Map();
async function inflate(bytes) {
  const s = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(s).arrayBuffer());
}
let chain = Promise.resolve();
window.addEventListener('message', (e) => {
  const m = e.data;
  if (!m || m.kind !== 'probe') return;
  const at = Date.now();
  const r = runs.get(m.run) ?? { first: at, last: 0, parsed: 0, rows: 0, binary: 0 };
  runs.set(m.run, r);
  r.last = at;
  if (m.bytes instanceof Uint8Array || m.bytes instanceof ArrayBuffer) r.binary++;
  chain = chain.then(async () => {
    if (m.parse) {
      const bytes = m.deflated ? await inflate(m.bytes) : m.bytes;
      r.rows += JSON.parse(new TextDecoder().decode(bytes)).length;
      r.parsed = Date.now();
    }
    if (m.i === m.n - 1) vscode.postMessage({ kind: 'arrived', run: m.run, first: r.first, last: r.last, parsed: r.parsed, rows: r.rows, binary: r.binary });
  });
});
vscode.postMessage({ kind: 'ready' });
</script></body></html>`;

exports.activate = async function activate() {
  const out = process.env.HOGQL_BENCH_RESULT;
  if (!out || !process.env.HOGQL_BENCH_TRANSPORT) return;
  const cfg = JSON.parse(process.env.HOGQL_BENCH_TRANSPORT);
  const result = { runs: [] };
  try {
    const panel = vscode.window.createWebviewPanel('transportProbe', 'Transport probe', vscode.ViewColumn.One, { enableScripts: true });
    const waiting = new Map();
    let ready;
    const readyP = new Promise((r) => (ready = r));
    panel.webview.onDidReceiveMessage((m) => {
      if (m.kind === 'ready') ready();
      else if (m.kind === 'arrived') waiting.get(m.run)?.(m);
    });
    panel.webview.html = PAGE(crypto.randomBytes(16).toString('base64'));
    await readyP;
    const rows = rowsText(cfg.rows);
    const pieces = (n, all) => Array.from({ length: n }, (_, k) => all.slice(Math.floor((k * all.length) / n), Math.floor(((k + 1) * all.length) / n)));
    const utf8 = (rs) => new TextEncoder().encode(`[${rs.join(',')}]`);
    let run = 0;
    for (let round = 0; round < cfg.rounds; round++) {
      for (const sc of cfg.scenarios) {
        // the bytes are made before the clock starts, except the deflate when `deflateInTime`
        const raw = pieces(sc.messages, sc.rows ? rows.slice(0, sc.rows) : rows).map(utf8);
        const pre = sc.deflated && !sc.deflateInTime ? raw.map((b) => new Uint8Array(zlib.deflateRawSync(b, { level: 1 }))) : raw;
        const id = run++;
        const arrived = new Promise((r) => waiting.set(id, r));
        const cpu0 = process.cpuUsage();
        const t0 = Date.now();
        let bytes = 0;
        for (let i = 0; i < pre.length; i++) {
          const b = sc.deflated && sc.deflateInTime ? new Uint8Array(zlib.deflateRawSync(pre[i], { level: 1 })) : pre[i];
          bytes += b.byteLength;
          void panel.webview.postMessage({ kind: 'probe', run: id, i, n: pre.length, deflated: !!sc.deflated, parse: !!sc.parse, bytes: b });
        }
        const postedAt = Date.now();
        const cpu = process.cpuUsage(cpu0);
        // the host busy after its posts (as with its own parse of the rows): slices of `busySliceMs`, a task each
        for (const end = Date.now() + (sc.busyMs ?? 0); Date.now() < end; ) {
          const sliceEnd = Date.now() + (sc.busySliceMs ?? 20);
          while (Date.now() < sliceEnd);
          await new Promise((r) => setImmediate(r));
        }
        const m = await arrived;
        const hostCpuMs = (cpu.user + cpu.system) / 1000;
        if (round > 0) result.runs.push({ ...sc, round, bytes, t0, postedAt, first: m.first, last: m.last, parsed: m.parsed, rows: m.rows, binary: m.binary, hostCpuMs, cpuAfterMs: (() => { const c = process.cpuUsage(cpu0); return (c.user + c.system) / 1000; })() });
      }
    }
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  result.done = true;
  write(out, result);
};
exports.deactivate = function deactivate() {};
