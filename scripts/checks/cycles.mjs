#!/usr/bin/env node
// Import cycles in src/ (type-only imports included with --types): strongly connected components of
// the import graph, one line each. `test/unit/lint/cycles.test.ts` allows only the recursive-descent
// parser's (expressions ↔ primary ↔ tags).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Each cycle as sorted repo-relative paths. */
export function findCycles(root, { types = false } = {}) {
  const files = [];
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(root, 'src'));
  const graph = new Map();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    const deps = [];
    for (const imp of ts.preProcessFile(src, true, true).importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      const line = src.split('\n').find((l) => l.includes(`'${imp.fileName}'`)) ?? '';
      if (!types && /^\s*(import|export) type\b/.test(line)) continue;
      const p = resolve(dirname(f), imp.fileName);
      const hit = [`${p}.ts`, join(p, 'index.ts')].find((c) => existsSync(c));
      if (hit) deps.push(hit);
    }
    graph.set(f, deps);
  }
  // Tarjan's strongly connected components
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.map((f) => relative(root, f).split('\\').join('/')).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const c of findCycles(process.cwd(), { types: process.argv.includes('--types') })) console.log(`${c.length} ${c.join(' ')}`);
}
