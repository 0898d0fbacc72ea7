/**
 * Issue #15's fair timing: each parser in a process of its own (scripts/bench/parser-speed-child.ts),
 * the two sides alternating round by round, best of the rounds. In one process, the parser timed
 * second also pays for collecting the first one's garbage (PostHog's parser returns a JSON string per
 * input); apart, each pays only for its own.
 * Ours is timed as it ships: the child is bundled by esbuild with the extension's production options
 * (scripts/build.mjs: one CommonJS bundle, es2022, minified), as dist/language.js holds the parser.
 * Loaded through tsx instead, every call between two of the parser's modules goes through an export
 * getter of tsx's CommonJS transform, which the shipped bundle does not have (issue #15, 2026-12-06:
 * mutants of generated statements 8.9-9.5 ms through tsx, 6.7-7.9 ms bundled, same machine and load).
 * PostHog's parser is its WASM package either way (left external, loaded from node_modules).
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface SideTimes {
  /** Per list: CPU time of one pass, ms (best of the rounds). */
  oursMs: number[];
  posthogMs: number[];
  rounds: number;
}

const CHILD = path.resolve(__dirname, 'parser-speed-child.ts');

/** The child as one bundle (production options of scripts/build.mjs); returns its path. */
function bundleChild(dir: string): string {
  const outfile = path.join(dir, 'parser-speed-child.js');
  buildSync({
    entryPoints: [CHILD],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    minify: true,
    keepNames: false,
    logLevel: 'warning',
    // resolved from the project's node_modules when the bundle runs in a temp dir
    external: ['@posthog/hogql-parser'],
    nodePaths: [path.resolve(__dirname, '../../node_modules')],
  });
  return outfile;
}

function runChild(child: string, side: 'ours' | 'posthog', file: string): number[] {
  const r = spawnSync(process.execPath, [child, side, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
  });
  if (r.status !== 0) throw new Error(`parser-speed-child ${side} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as number[];
}

/** Times both parsers on each list of texts, each side in a fresh process per round. */
export function timeApart(lists: string[][], rounds = 2): SideTimes {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parser-speed-'));
  const file = path.join(dir, 'texts.json');
  try {
    fs.writeFileSync(file, JSON.stringify(lists));
    const child = bundleChild(dir);
    const oursMs = lists.map(() => Infinity);
    const posthogMs = lists.map(() => Infinity);
    for (let r = 0; r < rounds; r++) {
      runChild(child, 'ours', file).forEach((ms, i) => (oursMs[i] = Math.min(oursMs[i], ms)));
      runChild(child, 'posthog', file).forEach((ms, i) => (posthogMs[i] = Math.min(posthogMs[i], ms)));
    }
    return { oursMs, posthogMs, rounds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
