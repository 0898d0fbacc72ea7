/**
 * Differential test: our parser vs PostHog's on the hand-written corpus and on
 * generated queries. Prints the agreement report to stdout.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { corpusInputs, PostHog, renderReport, runAll, type Report } from './support/differential';
import { selectStatement } from './support/generator';

describe('differential: our parser vs @posthog/hogql-parser', function () {
  this.timeout(120_000);
  const ph = new PostHog();
  let corpus: Report;
  let generated: Report;

  before(async () => {
    corpus = await runAll(ph, corpusInputs());
    const samples = fc.sample(selectStatement, { numRuns: 150, seed: 20261 });
    generated = await runAll(ph, samples.map((text, i) => ({ id: `gen#${i + 1}`, text })));
    process.stdout.write(renderReport([{ name: 'corpus', report: corpus }, { name: 'generated', report: generated }]));
  });

  it('has at least 150 hand-written corpus statements, most accepted by PostHog', () => {
    assert.ok(corpus.outcomes.length >= 150, `only ${corpus.outcomes.length} statements`);
    assert.ok(corpus.accepted >= 150, `PostHog accepts only ${corpus.accepted}`);
  });

  it('agrees with PostHog on at least 97% of the accepted corpus statements', () => {
    const rate = corpus.agreed / corpus.accepted;
    assert.ok(rate >= 0.97, `agreement ${(rate * 100).toFixed(1)}%`);
  });

  it('agrees with PostHog on every generated query PostHog accepts', () => {
    assert.ok(generated.accepted >= 140, `PostHog accepts only ${generated.accepted} generated queries`);
    const bad = generated.outcomes.filter((o) => o.accepted && o.diffs.length > 0);
    assert.deepEqual(bad.map((o) => `${o.text} → ${o.diffs.join('; ')}`), []);
  });

  it('reports no syntax problem on generated queries PostHog accepts', () => {
    assert.equal(generated.acceptedWithProblems, 0);
  });

  it('reports at least one problem on every corpus statement PostHog rejects', () => {
    assert.ok(corpus.rejected >= 20, `only ${corpus.rejected} rejected statements in the corpus`);
    const silent = corpus.outcomes.filter((o) => !o.accepted && o.ourProblems === 0);
    assert.deepEqual(silent.map((o) => o.text.trim()), []);
  });
});
