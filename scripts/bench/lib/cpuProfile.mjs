#!/usr/bin/env node
// Where a V8 CPU profile's time goes (the activation bench's --cpu-prof writes one per side and host):
//   node scripts/bench/lib/cpuProfile.mjs [--top N] file.cpuprofile...
// prints, as medians over the files: the sampled span, self time by script (our bundles by name, the
// extension host's code, the rest) and the functions with the most self time (name, file, line).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The script a profile node belongs to, short: `dist/extension.js`, `vscode: extHostCommands`, `(garbage collector)`. */
export function scriptOf(url, functionName) {
  if (!url) return `(${functionName.replace(/^\((.*)\)$/, '$1') || 'native'})`;
  const dist = /[\\/](dist[\\/].*)$/.exec(url);
  if (dist && /vscode-hogql/.test(url)) return dist[1].split('\\').join('/');
  if (/code-server|vs[\\/]workbench|vs[\\/]base|vs[\\/]platform|extensionHostProcess|out[\\/]vs/.test(url)) return 'vscode';
  if (url.startsWith('node:')) return url;
  return basename(url);
}

/** Self time (ms) per script and per function of one profile, and its sampled span. */
export function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < (profile.samples ?? []).length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const scripts = new Map();
  const functions = new Map();
  for (const [id, ms] of self) {
    const { callFrame: f } = byId.get(id);
    const script = scriptOf(f.url, f.functionName);
    scripts.set(script, (scripts.get(script) ?? 0) + ms);
    const fn = `${f.functionName || '(anonymous)'} ${script}:${f.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  return { spanMs: (profile.endTime - profile.startTime) / 1000, scripts, functions };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians over several profiles' summaries (a key missing from a profile counts as 0 there). */
export function medianOf(summaries, key) {
  const keys = new Set(summaries.flatMap((s) => [...s[key].keys()]));
  return [...keys].map((k) => [k, median(summaries.map((s) => s[key].get(k) ?? 0))]).sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  const summaries = args.map((f) => summarize(JSON.parse(readFileSync(f, 'utf8'))));
  console.log(`${summaries.length} profiles; sampled span ${median(summaries.map((s) => s.spanMs)).toFixed(2)} ms (median)`);
  console.log('self time by script (median ms):');
  for (const [k, v] of medianOf(summaries, 'scripts').filter(([, v]) => v >= 0.05)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
  console.log(`functions with the most self time (median ms, top ${top}):`);
  for (const [k, v] of medianOf(summaries, 'functions').slice(0, top)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
}
