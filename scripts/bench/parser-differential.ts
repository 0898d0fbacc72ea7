/**
 * Regenerates test/fixtures/hogql/differential-report.md: our HogQL parser vs
 * @posthog/hogql-parser on the corpus and on 150 generated queries (fixed seed).
 * Run: node --import tsx scripts/bench/parser-differential.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { corpusInputs, PostHog, renderReport, runAll } from '../../test/unit/language/support/differential';
import { selectStatement } from '../../test/unit/language/support/generator';

async function main(): Promise<void> {
  const ph = new PostHog();
  const corpus = await runAll(ph, corpusInputs());
  const samples = fc.sample(selectStatement, { numRuns: 150, seed: 20261 });
  const generated = await runAll(ph, samples.map((text, i) => ({ id: `gen#${i + 1}`, text })));
  const md = renderReport([{ name: 'corpus', report: corpus }, { name: 'generated', report: generated }]);
  const out = path.resolve(__dirname, '../../test/fixtures/hogql/differential-report.md');
  fs.writeFileSync(out, md);
  process.stdout.write(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
