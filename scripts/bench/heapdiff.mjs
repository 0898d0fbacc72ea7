#!/usr/bin/env node
// Compares two V8 heap snapshots (e.g. the soak benchmark's, HOGQL_SOAK_SNAPSHOTS=dir): objects per
// constructor / kind, count and self size, sorted by growth. `node scripts/bench/heapdiff.mjs a b [n]`.
import { readFileSync } from 'node:fs';

function summary(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const by = new Map();
  const nodes = snap.nodes;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + iType]];
    const name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[nodes[i + iName]] : '';
    const key = `${type}:${name.slice(0, 80)}`;
    const e = by.get(key) ?? { count: 0, size: 0 };
    e.count++;
    e.size += nodes[i + iSize];
    by.set(key, e);
  }
  return by;
}

const [a, b, n = '40'] = process.argv.slice(2);
const before = summary(a);
const after = summary(b);
const rows = [...after].map(([k, v]) => {
  const o = before.get(k) ?? { count: 0, size: 0 };
  return { k, dc: v.count - o.count, ds: v.size - o.size };
});
rows.sort((x, y) => y.ds - x.ds);
for (const r of rows.slice(0, Number(n))) console.log(`${(r.ds / 1024).toFixed(1).padStart(9)} KB ${String(r.dc).padStart(8)}  ${r.k}`);
