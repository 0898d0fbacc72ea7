/**
 * Issue #15's three sources for the parser differential benchmark, and how a run is scored:
 * PostHog's parser-test statements, statements generated from HogQLParser.g4 (grammarGen, fixed
 * seed), and near-miss mutations of both (fixed seed). Agreement is counted separately on the inputs
 * PostHog accepts and on those it rejects; speed is our parser's total time vs PostHog's on the same
 * inputs. Used by scripts/bench/parser-differential.ts.
 */
import { parseStatement } from '../../../../src/language/hogql/parse';
import { type Input, type Outcome, posthogTestInputs, type PostHog, type Report } from './differential';
import { GrammarGen } from './grammarGen';
import { perPass } from './cpuTime';

export interface Source {
  name: string;
  inputs: Input[];
}

export interface SourceOptions {
  generatedSeed: number;
  generatedCount: number;
  mutationSeed: number;
  /** Mutants drawn from each parent source (PostHog tests, generated). */
  mutantsPerSource: number;
}

export const DEFAULT_SOURCES: SourceOptions = { generatedSeed: 15, generatedCount: 2000, mutationSeed: 1515, mutantsPerSource: 1000 };

function mutants(g: GrammarGen, parents: Input[], count: number, prefix: string): Input[] {
  return Array.from({ length: count }, (_, i) => {
    const parent = g.pick(parents);
    return { id: `${prefix}#${i + 1}<${parent.id}`, text: g.mutate(parent.text) };
  });
}

/** The sources in a fixed order; the same options always give the same inputs. */
export function differentialSources(o: SourceOptions = DEFAULT_SOURCES): Source[] {
  const phTests = posthogTestInputs();
  const gen = new GrammarGen(o.generatedSeed);
  const generated = Array.from({ length: o.generatedCount }, (_, i) => ({ id: `g4#${i + 1}`, text: gen.statement() }));
  const mut = new GrammarGen(o.mutationSeed);
  return [
    { name: 'PostHog tests', inputs: phTests },
    { name: `generated (seed ${o.generatedSeed})`, inputs: generated },
    { name: `mutations of PostHog tests (seed ${o.mutationSeed})`, inputs: mutants(mut, phTests, o.mutantsPerSource, 'mut-ph') },
    { name: `mutations of generated (seed ${o.mutationSeed})`, inputs: mutants(mut, generated, o.mutantsPerSource, 'mut-g4') },
  ];
}

/** Our verdict agrees with PostHog's: no problem from us on what it accepts, ≥ 1 on what it rejects. */
export function verdictAgrees(o: Outcome): boolean {
  return o.accepted ? o.ourProblems === 0 : o.ourProblems > 0;
}

export interface Agreement {
  accepted: number;
  /** Accepted by PostHog and no problem from us. */
  acceptedAgree: number;
  /** Of those, also the same tree summary (statement range, tables, select items, CTEs). */
  acceptedSameTree: number;
  rejected: number;
  rejectedAgree: number;
  /** Inputs on which PostHog's WASM parser crashed (counted as rejected). */
  crashed: number;
}

export function agreement(r: Report): Agreement {
  const acc = r.outcomes.filter((o) => o.accepted);
  const rej = r.outcomes.filter((o) => !o.accepted);
  return {
    accepted: acc.length,
    acceptedAgree: acc.filter(verdictAgrees).length,
    acceptedSameTree: acc.filter((o) => verdictAgrees(o) && o.diffs.length === 0).length,
    rejected: rej.length,
    rejectedAgree: rej.filter(verdictAgrees).length,
    crashed: rej.filter((o) => o.posthogError?.startsWith('crash:')).length,
  };
}

export interface Speed {
  inputs: number;
  rounds: number;
  /** One pass over all inputs, best of the rounds, milliseconds. */
  oursMs: number;
  posthogMs: number;
  /** PostHog's time / ours. */
  ratio: number;
}

/**
 * Total CPU time of our `parseStatement` vs PostHog's `parseSelect` (incl. its JSON string, which is
 * what it returns) for one pass over the same texts: best of `rounds`, the two parsers alternating
 * round by round so both see the same machine load. Ours is warmed up first and, being fast,
 * repeated within a round for at least 100 ms; PostHog's has just judged every text and one pass
 * takes far longer. Inputs on which PostHog crashed are left out (a crash poisons its WASM instance).
 */
export async function measureSpeed(ph: PostHog, texts: string[], rounds = 3): Promise<Speed> {
  const parser = await ph.get();
  const ours = (): void => texts.forEach((t) => parseStatement(t));
  ours();
  let oursMs = Infinity;
  let posthogMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    oursMs = Math.min(oursMs, perPass(ours, 100));
    posthogMs = Math.min(posthogMs, perPass(() => texts.forEach((t) => parser.parseSelect(t)), 0));
  }
  return { inputs: texts.length, rounds, oursMs, posthogMs, ratio: posthogMs / oursMs };
}

/** Texts of a run safe to time in PostHog's parser (no crash). */
export function timeable(r: Report): string[] {
  return r.outcomes.filter((o) => !o.posthogError?.startsWith('crash:')).map((o) => o.text);
}
