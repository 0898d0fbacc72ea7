// Where the extension host's main thread goes during one streamed run (issue #21's "all rows",
// query-stream.mjs): a V8 CPU profile taken by the bench's runner inside the host
// (test/bench/stream-runner), its samples put in steps of the host's path — read the body, scan the
// rows (`rowStream`), wire text, parse, encode the columns, deflate, post (VS Code's serialise and
// IPC), `settle()` — by the first frame of ours from the sample's leaf up, found through the bundle's
// source map (the .vsix's bundles are minified: `dist/*.js.map` of the same build names the source
// file; the enclosing function is read from that file). Samples with none of ours on the stack go by
// script: VS Code, Node, GC, idle.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** Step of a frame of ours: its source file (relative to the repository) and enclosing function. */
function stepOf(file, fn) {
  if (/^src\/api\/(rowStream|flatRow|json)\.ts$/.test(file)) return 'scan (rowStream)';
  if (/^src\/api\//.test(file) || /node_modules\/undici\//.test(file)) return 'read the body (client, undici)';
  if (file === 'src/results/wireText.ts') return fn === 'rows' ? 'parse (JSON.parse of the wire text)' : 'wire text';
  if (file === 'src/results/wireColumns.ts') return 'encode columns';
  if (file === 'src/webview/wireDeflate.ts') return 'deflate (ours, level 1)';
  if (file === 'src/query/arrival.ts' && fn === 'settle') return 'settle()';
  if (/^src\/(webview|results)\//.test(file)) return 'post (toWire, VS Code serialise + IPC)';
  return `other of ours (${file.replace(/^src\//, '')})`;
}

/** The name of the function enclosing line `line` (0-based) of `text`, by the nearest declaration at or above it. */
function enclosing(lines, line) {
  const decl = /^\s*(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s*(\w+)|(?:(?:private|public|static|readonly|get|set)\s+)*(\w+)\s*(?:<[^>]*>)?\((?!.*\)\s*;)|(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?(?:\(|\w+\s*=>)|readonly\s+(\w+)\s*=)/;
  for (let l = Math.min(line, lines.length - 1); l >= 0 && l > line - 400; l--) {
    const m = decl.exec(lines[l]);
    if (m && !/^(if|for|while|switch|catch|return)$/.test(m[1] ?? m[2] ?? m[3] ?? m[4])) return m[1] ?? m[2] ?? m[3] ?? m[4];
  }
  return '?';
}

/** A resolver of profile frames to (file, function) of ours, from the source maps beside `distDir`'s bundles. */
function resolver(repoRoot) {
  const maps = new Map();
  const sources = new Map();
  const mapOf = (dist) => {
    if (!maps.has(dist)) {
      const file = join(repoRoot, `${dist}.map`);
      maps.set(dist, existsSync(file) ? { map: new SourceMap(JSON.parse(readFileSync(file, 'utf8'))), dir: dirname(file) } : undefined);
    }
    return maps.get(dist);
  };
  const memo = new Map();
  return (frame) => {
    const dist = /[\\/](dist[\\/][^?#]*\.js)$/.exec(frame.url ?? '')?.[1]?.split('\\').join('/');
    if (!dist) return undefined;
    const key = `${dist}:${frame.lineNumber}:${frame.columnNumber}`;
    if (memo.has(key)) return memo.get(key);
    let out;
    const m = mapOf(dist);
    const entry = m?.map.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry?.originalSource) {
      const abs = resolve(m.dir, entry.originalSource.replace(/^file:\/\//, ''));
      const file = abs.startsWith(repoRoot) ? abs.slice(repoRoot.length + 1) : abs;
      if (!sources.has(abs)) sources.set(abs, existsSync(abs) ? readFileSync(abs, 'utf8').split('\n') : []);
      out = { file, fn: enclosing(sources.get(abs), entry.originalLine) };
    }
    memo.set(key, out);
    return out;
  };
}

/** Milliseconds per step (main thread) of one profile, and the functions of ours with the most self time. */
export function hostSteps(profile, repoRoot) {
  const ours = resolver(repoRoot);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stepMemo = new Map();
  const stepOfNode = (id) => {
    if (stepMemo.has(id)) return stepMemo.get(id);
    let step;
    for (let at = id; at !== undefined && !step; at = parent.get(at)) {
      const o = ours(byId.get(at).callFrame);
      if (o) step = stepOf(o.file, o.fn);
    }
    if (!step) {
      const { url, functionName } = byId.get(id).callFrame;
      if (!url) step = `(${functionName.replace(/^\((.*)\)$/, '$1') || 'native'})`;
      else if (/^node:/.test(url)) step = 'Node (streams, sockets, zlib) outside ours';
      else step = 'VS Code outside ours (IPC, websocket, other)';
    }
    stepMemo.set(id, step);
    return step;
  };
  const steps = new Map();
  const fns = new Map();
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < (profile.samples ?? []).length; i++) {
    const id = profile.samples[i];
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const step = stepOfNode(id);
    steps.set(step, (steps.get(step) ?? 0) + dt);
    const o = ours(byId.get(id).callFrame);
    if (o) fns.set(`${o.fn} (${o.file})`, (fns.get(`${o.fn} (${o.file})`) ?? 0) + dt);
  }
  return { steps: [...steps].sort((a, b) => b[1] - a[1]), functions: [...fns].sort((a, b) => b[1] - a[1]) };
}

/** Lines for the bench's report: steps (busy first, idle last) and the threads' CPU. */
export function describeHostSteps(profile, threads, repoRoot) {
  const { steps, functions } = hostSteps(profile, repoRoot);
  const busy = steps.filter(([k]) => k !== '(idle)' && k !== '(program)');
  const total = busy.reduce((s, [, v]) => s + v, 0);
  const idle = steps.find(([k]) => k === '(idle)')?.[1] ?? 0;
  const program = steps.find(([k]) => k === '(program)')?.[1] ?? 0;
  const lines = [`extension host main thread, one profiled run (sampled; not in the figures above): busy ${total.toFixed(0)} ms (+ V8 "program" ${program.toFixed(0)}, idle ${idle.toFixed(0)})`];
  lines.push(`  ${busy.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  lines.push(`  functions of ours, self ms: ${functions.slice(0, 10).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  if (threads) lines.push(`  threads' CPU over that run (/proc, ms): ${Object.entries(threads).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return lines;
}
