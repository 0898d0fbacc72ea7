#!/usr/bin/env node
// The release .vsix must stay ≤ 700 KiB (issue #19; vsce and the issue count KiB). `node
// scripts/test.mjs --only package` builds it and runs this check; alone:
//   node scripts/checks/vsixSize.mjs artifacts/vscode-hogql-<version>.vsix
// On failure it lists the largest entries by compressed size, which is what the limit counts.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VSIX_LIMIT_BYTES = 700 * 1024;

/** The entries of a zip (name, compressed and uncompressed size) from its central directory. */
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), compressed, size });
    at += 46 + nameLen + extra + comment;
  }
  return entries;
}

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

/** `{ ok, lines }`: whether the file is within `limit`, and what to print. */
export function checkVsixSize(path, limit = VSIX_LIMIT_BYTES) {
  const bytes = statSync(path).size;
  const ok = bytes <= limit;
  const lines = [`[vsix] ${path}: ${kib(bytes)} (limit ${kib(limit)}) ${ok ? 'ok' : 'TOO BIG'}`];
  const top = zipEntries(readFileSync(path)).sort((a, b) => b.compressed - a.compressed);
  for (const e of top.slice(0, ok ? 5 : 15)) lines.push(`  ${kib(e.compressed).padStart(11)} (${kib(e.size).padStart(11)} unpacked)  ${e.name}`);
  return { ok, bytes, lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = checkVsixSize(process.argv[2]);
  console.log(r.lines.join('\n'));
  process.exit(r.ok ? 0 : 1);
}
