/**
 * Issue #15's fair timing: each parser in a process of its own (scripts/bench/parser-speed-child.ts),
 * the two sides alternating round by round, best of the rounds. In one process, the parser timed
 * second also pays for collecting the first one's garbage (PostHog's parser returns a JSON string per
 * input); apart, each pays only for its own.
 */
import { spawnSync } from 'node:child_process';
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

function runChild(side: 'ours' | 'posthog', file: string): number[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, side, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`parser-speed-child ${side} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as number[];
}

/** Times both parsers on each list of texts, each side in a fresh process per round. */
export function timeApart(lists: string[][], rounds = 2): SideTimes {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parser-speed-'));
  const file = path.join(dir, 'texts.json');
  try {
    fs.writeFileSync(file, JSON.stringify(lists));
    const oursMs = lists.map(() => Infinity);
    const posthogMs = lists.map(() => Infinity);
    for (let r = 0; r < rounds; r++) {
      runChild('ours', file).forEach((ms, i) => (oursMs[i] = Math.min(oursMs[i], ms)));
      runChild('posthog', file).forEach((ms, i) => (posthogMs[i] = Math.min(posthogMs[i], ms)));
    }
    return { oursMs, posthogMs, rounds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
