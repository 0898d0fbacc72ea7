/**
 * Parser differential benchmark (issue #15): our HogQL parser vs @posthog/hogql-parser, in this
 * process, on three sources: PostHog's own parser-test statements, statements generated from
 * HogQLParser.g4 (fixed seed) and mutations of both (fixed seed). Prints per source the count,
 * verdict agreement (PostHog accepts = we report no problem) on the inputs PostHog accepts and on
 * those it rejects (goal >= 99.5 % each), the speed ratio in this process and with each parser in a
 * process of its own (the goal, >= 200x on every source, is judged on the latter) and the first
 * disagreements; regenerates
 * test/fixtures/hogql/differential-report.md (the detailed lists, plus the hand-written corpus).
 * Run: node --import tsx scripts/bench/parser-differential.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusInputs, type Outcome, PostHog, renderReport, type Report, runAll } from '../../test/unit/language/support/differential';
import { agreement, differentialSources, measureSpeed, type Speed, timeable, verdictAgrees } from '../../test/unit/language/support/differentialSources';
import { timeApart } from './parser-speed';

const AGREEMENT_GOAL = 99.5;
const SPEED_GOAL = 200;
const SHOW = 5;
const SHOW_TREES = 3;

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)} %`;
}

function mark(ok: boolean): string {
  return ok ? 'meets goal' : 'BELOW GOAL';
}

function oneLine(s: string, max = 120): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

function verdicts(o: Outcome): string {
  const ph = o.accepted ? 'accepts' : `rejects (${oneLine(o.posthogError ?? '', 70)})`;
  const ours = o.ourProblems === 0 ? 'accept (no problem)' : `reject (${o.ourProblems} problem${o.ourProblems > 1 ? 's' : ''})`;
  return `PostHog ${ph}; ours ${ours}`;
}

function printSource(name: string, r: Report, speed: Speed): void {
  const a = agreement(r);
  const accRate = a.accepted === 0 ? 100 : (100 * a.acceptedAgree) / a.accepted;
  const rejRate = a.rejected === 0 ? 100 : (100 * a.rejectedAgree) / a.rejected;
  console.log(`## ${name}: ${r.outcomes.length} statements`);
  console.log(`  PostHog accepts ${a.accepted}: we agree on ${a.acceptedAgree} = ${pct(a.acceptedAgree, a.accepted)} (goal >= ${AGREEMENT_GOAL} %: ${mark(accRate >= AGREEMENT_GOAL)})`
    + `  [also the same tree summary: ${a.acceptedSameTree} = ${pct(a.acceptedSameTree, a.accepted)}]`);
  console.log(`  PostHog rejects ${a.rejected}: we agree on ${a.rejectedAgree} = ${pct(a.rejectedAgree, a.rejected)} (goal >= ${AGREEMENT_GOAL} %: ${mark(rejRate >= AGREEMENT_GOAL)})`
    + (a.crashed ? `  [${a.crashed} PostHog crashes counted as rejects]` : ''));
  console.log(`  speed in this process, one pass over ${speed.inputs} inputs (CPU time, best of ${speed.rounds} rounds): ours ${speed.oursMs.toFixed(1)} ms,`
    + ` PostHog ${speed.posthogMs.toFixed(1)} ms = ${speed.ratio.toFixed(0)}x (the goal is judged apart, below)`);
  const bad = r.outcomes.filter((o) => !verdictAgrees(o));
  if (bad.length > 0) console.log(`  first ${Math.min(SHOW, bad.length)} of ${bad.length} verdict disagreements:`);
  for (const o of bad.slice(0, SHOW)) console.log(`  - ${o.id}: \`${oneLine(o.text)}\`\n      ${verdicts(o)}`);
  const trees = r.outcomes.filter((o) => verdictAgrees(o) && o.diffs.length > 0);
  if (trees.length > 0) console.log(`  first ${Math.min(SHOW_TREES, trees.length)} of ${trees.length} tree-summary differences (both accept):`);
  for (const o of trees.slice(0, SHOW_TREES)) console.log(`  - ${o.id}: \`${oneLine(o.text)}\`\n      ${oneLine(o.diffs.join('; '), 160)}`);
  console.log('');
}

/**
 * The speed goal, judged with each parser in a process of its own (scripts/bench/parser-speed.ts): in
 * this process the parser timed second also collects the first one's garbage.
 */
function printApart(names: string[], lists: string[][]): void {
  const t = timeApart(lists);
  console.log(`## speed, each parser in a process of its own (CPU time of one pass, best of ${t.rounds} rounds, sides alternating)`);
  let ours = 0;
  let posthog = 0;
  let met = true;
  names.forEach((name, i) => {
    const ratio = t.posthogMs[i] / t.oursMs[i];
    met &&= ratio >= SPEED_GOAL;
    ours += t.oursMs[i];
    posthog += t.posthogMs[i];
    console.log(`  ${name}: ${lists[i].length} inputs, ours ${t.oursMs[i].toFixed(2)} ms, PostHog ${t.posthogMs[i].toFixed(1)} ms = ${ratio.toFixed(0)}x`
      + ` (goal >= ${SPEED_GOAL}x: ${mark(ratio >= SPEED_GOAL)})`);
  });
  console.log(`  all sources: ours ${ours.toFixed(1)} ms, PostHog ${posthog.toFixed(1)} ms = ${(posthog / ours).toFixed(0)}x;`
    + ` goal >= ${SPEED_GOAL}x on every source: ${met ? 'MET' : 'NOT MET'}`);
}

async function main(): Promise<void> {
  const ph = new PostHog();
  const runs: { name: string; report: Report }[] = [];
  const apart: string[][] = [];
  const totals = { ours: 0, posthog: 0, inputs: 0 };
  console.log('# Parser differential: our HogQL parser vs @posthog/hogql-parser (same process)\n');
  for (const source of differentialSources()) {
    const report = await runAll(ph, source.inputs);
    apart.push(timeable(report));
    const speed = await measureSpeed(ph, apart[apart.length - 1]);
    Object.assign(totals, { ours: totals.ours + speed.oursMs, posthog: totals.posthog + speed.posthogMs, inputs: totals.inputs + speed.inputs });
    printSource(source.name, report, speed);
    runs.push({ name: source.name, report });
  }
  const ratio = totals.posthog / totals.ours;
  console.log(`## all sources in this process: ${totals.inputs} timed inputs, CPU time: ours ${totals.ours.toFixed(1)} ms, PostHog ${totals.posthog.toFixed(1)} ms`
    + ` = ${ratio.toFixed(0)}x\n`);
  printApart(runs.map((r) => r.name), apart);
  runs.unshift({ name: 'hand-written corpus', report: await runAll(ph, corpusInputs()) });
  const out = path.resolve(__dirname, '../../test/fixtures/hogql/differential-report.md');
  fs.writeFileSync(out, renderReport(runs));
  console.log(`\nDetailed lists: ${path.relative(process.cwd(), out)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
