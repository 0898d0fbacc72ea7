import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { documentedFunctions, functionDoc, signatureLabel } from '../../../src/language/hogql/functionDocs';
import { FUNCTION_NOTES } from '../../../src/language/hogql/functionNotes';
import { signatureHelpAt } from '../../../src/language/hogql/signature';
import { getVocabulary } from '../../../src/language/hogql/vocabulary';

describe('function docs', () => {
  it('every vocabulary function has parameter data fitting its arity and a docs link', () => {
    const problems: string[] = [];
    for (const f of getVocabulary().functions) {
      const d = functionDoc(f.name);
      if (!d) {
        problems.push(`${f.name}: no data`);
        continue;
      }
      if (!/^https:\/\/(clickhouse\.com\/docs\/|posthog\.com\/docs\/)/.test(d.link)) problems.push(`${f.name}: link ${d.link}`);
      if (d.args.some((p) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name))) problems.push(`${f.name}: parameter names ${d.args.map((p) => p.name)}`);
      if (f.arityUnknown || f.min === undefined) continue;
      const required = d.args.filter((p) => !p.optional).length;
      if (required !== f.min) problems.push(`${f.name}: ${required} required, PostHog says ${f.min}`);
      if (f.max !== null && f.max !== undefined && d.args.length !== f.max) problems.push(`${f.name}: ${d.args.length} parameters, PostHog says at most ${f.max}`);
      if (f.max === null && !d.args[d.args.length - 1]?.variadic && d.args.length > 0) problems.push(`${f.name}: variadic but last parameter is not`);
    }
    assert.deepEqual(problems.slice(0, 20), []);
    assert.equal(documentedFunctions().length, getVocabulary().functions.length);
  });

  it('takes names and types from ClickHouse: toStartOfDay, dateDiff, JSONExtractString', () => {
    const day = functionDoc('toStartOfDay')!;
    assert.deepEqual(day.args.map((p) => [p.name, p.optional]), [['datetime', false], ['timezone', true]]);
    assert.match(day.args[0].type!, /DateTime/);
    assert.match(day.returns!, /DateTime/);
    assert.equal(day.link, 'https://clickhouse.com/docs/sql-reference/functions/date-time-functions#tostartofday');
    assert.deepEqual(functionDoc('dateDiff')!.args.map((p) => p.name), ['unit', 'startdate', 'enddate']);
    assert.equal(functionDoc('COUNT')?.name, 'count', 'case-insensitive names find their entry');
  });

  it('derives combinators from their base aggregate and keeps parametric parameters', () => {
    const countIf = functionDoc('countIf')!;
    assert.deepEqual(countIf.args.map((p) => [p.name, p.optional]), [['expr', true], ['cond', false]]);
    assert.equal(countIf.origin, 'combinator');
    assert.deepEqual(functionDoc('uniqMerge')!.args.map((p) => p.name), ['state']);
    const q = functionDoc('quantileIf')!;
    assert.deepEqual(q.params.map((p) => p.name), ['level']);
    assert.deepEqual(q.args.map((p) => p.name), ['expr', 'cond']);
    const label = signatureLabel(functionDoc('quantile')!);
    assert.match(label.label, /^quantile\(level: Float\)\(expr: .*\) → Float64/);
    assert.equal(label.label.slice(...label.params[0]), 'level: Float');
    assert.match(label.label.slice(...label.args[0]), /^expr: /);
  });

  it('links PostHog functions to PostHog docs and aggregates to their reference page', () => {
    assert.equal(functionDoc('matchesAction')!.link, 'https://posthog.com/docs/sql/expressions');
    assert.equal(functionDoc('uniqExact')!.link, 'https://clickhouse.com/docs/sql-reference/aggregate-functions/reference/uniqexact');
  });

  it('has our description and example for at least 200 of the most used functions, each a real function', () => {
    const names = Object.keys(FUNCTION_NOTES);
    assert.ok(names.length >= 200, `${names.length} notes`);
    const unknown = names.filter((n) => !getVocabulary().functions.some((f) => f.name === n));
    assert.deepEqual(unknown, []);
    for (const [n, [summary, example]] of Object.entries(FUNCTION_NOTES)) {
      assert.ok(summary.length > 5 && example.includes('('), n);
    }
    assert.match(functionDoc('countIf')!.summary!, /condition/);
  });
});

describe('function docs are generated from their sources', () => {
  it("functionDocs.json is what scripts/gen-function-docs.mjs gives from chdb's system.functions and the vocabulary", function () {
    this.timeout(60_000);
    const root = join(__dirname, '..', '..', '..');
    const r = spawnSync(process.execPath, [join(root, 'scripts/gen-function-docs.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  });
});

describe('signature help data', () => {
  const at = (withCursor: string) => signatureHelpAt(withCursor.replace('|', ''), withCursor.indexOf('|'));
  const activeText = (withCursor: string): string => {
    const s = at(withCursor)!;
    return s.label.slice(...s.parameters[s.active]);
  };

  it('names the active parameter of a plain call and a combinator', () => {
    assert.match(activeText("SELECT dateDiff('day', |"), /^startdate: /);
    assert.equal(activeText('SELECT countIf(event, |'), 'cond: UInt8');
    assert.equal(activeText('SELECT uniqMerge(|'), 'state: AggregateFunction');
  });

  it('switches between the parameters and the arguments of a parametric aggregate', () => {
    assert.equal(activeText('SELECT quantile(|'), 'level: Float');
    assert.equal(activeText('SELECT quantile(0.9|)(x)'), 'level: Float');
    assert.match(activeText('SELECT quantile(0.9)(|'), /^expr: /);
    assert.equal(activeText('SELECT quantileIf(0.9)(x, |'), 'cond: UInt8');
  });

  it('stays on the repeatable last parameter of a variadic function', () => {
    assert.match(activeText("SELECT concat('a', 'b', 'c', |"), /^\[?s2/);
  });
});
