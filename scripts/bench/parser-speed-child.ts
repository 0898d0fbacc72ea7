/**
 * One side of scripts/bench/parser-speed.ts's separate-process timing (issue #15): loads one parser
 * (`ours` = our parseStatement, `posthog` = @posthog/hogql-parser's parseSelect), warms it up, times one
 * pass over each list of texts in the JSON file given, in CPU time of this process, and prints the times (ms,
 * one per list) as JSON. Alone in its process, a parser's time holds none of the other's garbage.
 * Run: node --import tsx scripts/bench/parser-speed-child.ts <ours|posthog> <texts.json>
 */
import * as fs from 'node:fs';
import { parseStatement } from '../../src/language/hogql/parse';
import { cpuMs, perPass } from '../../test/unit/language/support/cpuTime';

interface PostHogParser {
  parseSelect(text: string): string;
}

async function parserFor(side: string): Promise<(text: string) => unknown> {
  if (side === 'ours') return parseStatement;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const create = require('@posthog/hogql-parser') as () => Promise<PostHogParser>;
  const ph = await create();
  return (text) => ph.parseSelect(text);
}

/** Runs every pass until `ms` of CPU have passed: the JIT (or WASM tier-up) settles before timing. */
function warmUp(passes: (() => void)[], ms: number): void {
  const t0 = cpuMs();
  do passes.forEach((pass) => pass());
  while (cpuMs() - t0 < ms);
}

async function main(): Promise<void> {
  const [side, file] = process.argv.slice(2);
  const lists = JSON.parse(fs.readFileSync(file, 'utf8')) as string[][];
  const parseOne = await parserFor(side);
  const passes = lists.map((texts) => () => texts.forEach((t) => parseOne(t)));
  if (side === 'ours') {
    // ours is fast: warmed up for 500 ms, then each list repeated for at least 100 ms, best of 3
    warmUp(passes, 500);
    const times = passes.map((pass) => Math.min(perPass(pass, 100), perPass(pass, 100), perPass(pass, 100)));
    process.stdout.write(JSON.stringify(times));
    return;
  }
  // PostHog's takes seconds per pass: warmed up by one whole pass (as in the bench's own process, where
  // it has just judged every text), then one pass of each list
  warmUp(passes, 0);
  process.stdout.write(JSON.stringify(passes.map((pass) => perPass(pass, 0))));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
