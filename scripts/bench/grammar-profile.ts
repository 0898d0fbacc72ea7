/**
 * Where the HogQL grammar's tokenizing time goes (issue #21): tokenizes the grammar benchmark's
 * lines and prints, per scanner (the regexes vscode-textmate searches together) and per regex
 * that matched, the number of searches, the capture groups vscode-oniguruma decoded (every group
 * of the matched regex, one object each) and the time spent in the search, timing included.
 * With --ablate, it also times the grammar with each top-level regex removed in turn (the tokens
 * change, so this shows a rule's weight, not a safe change). The machine's load shifts the times;
 * the counts are exact. With --split, it splits the CPU time of tokenizing into Oniguruma's WASM
 * search, vscode-oniguruma's decoding of the groups and vscode-textmate's own JS: the searches of
 * one tokenizing are recorded, then replayed alone (findNextMatchSync: search + decoding) and as
 * bare WASM calls (vscode-oniguruma's internal `_findNextOnigScannerMatch`: search only).
 * Run: node --import tsx scripts/bench/grammar-profile.ts [--grammar file] [--lines N] [--ablate] [--split]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { SHAPES } from './grammarShapes';

const root = join(__dirname, '..', '..');
const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const GRAMMAR = arg('--grammar') ?? join(root, 'syntaxes', 'hogql.tmLanguage.json');
const LINES = Number(arg('--lines') ?? 10_000);

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
}
interface Stat {
  searches: number;
  ms: number;
  groups: number;
}

/** The repository key of each regex (`words.match`, `punctuation[1].match` …), to name scanners. */
function regexNames(repository: Record<string, Rule>): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (r: Rule, key: string): void => {
    for (const f of ['match', 'begin', 'end'] as const) if (r[f]) names.set(r[f], `${key}.${f}`);
    (r.patterns ?? []).forEach((p, i) => walk(p, `${key}[${i}]`));
  };
  for (const [k, v] of Object.entries(repository)) walk(v, k);
  return names;
}

async function tokenizer(raw: { repository: Record<string, Rule> }, onSearch?: (key: string, ms: number, groups: number) => void): Promise<() => void> {
  const names = regexNames(raw.repository);
  const onigLib = Promise.resolve({
    createOnigScanner: (patterns: string[]) => {
      const scanner = new oniguruma.OnigScanner(patterns);
      if (!onSearch) return scanner;
      const label = patterns.map((p) => names.get(p) ?? p.slice(0, 24));
      return {
        findNextMatchSync: (s: oniguruma.OnigString | string, start: number, options?: number[] | boolean) => {
          const t0 = performance.now();
          const m = scanner.findNextMatchSync(s, start, options as number[]);
          onSearch(`[${label.join(' ')}] → ${m ? label[m.index] : 'no match'}`, performance.now() - t0, m ? m.captureIndices.length : 0);
          return m;
        },
        dispose: () => scanner.dispose(),
      };
    },
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  });
  const registry = new vsctm.Registry({ onigLib, loadGrammar: async () => vsctm.parseRawGrammar(JSON.stringify(raw), GRAMMAR) });
  const g = (await registry.loadGrammar('source.hogql'))!;
  const lines = Array.from({ length: LINES }, (_, i) => SHAPES[i % SHAPES.length]!);
  return () => {
    let state = vsctm.INITIAL;
    for (const line of lines) state = g.tokenizeLine2(line, state).ruleStack;
  };
}

const cpuMs = (run: () => void): number => {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

async function main(): Promise<void> {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const raw = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as { repository: Record<string, Rule & { patterns: Rule[] }> };
  const stats = new Map<string, Stat>();
  let counting = false;
  const run = await tokenizer(raw, (key, ms, groups) => {
    if (!counting) return;
    const s = stats.get(key) ?? { searches: 0, ms: 0, groups: 0 };
    stats.set(key, { searches: s.searches + 1, ms: s.ms + ms, groups: s.groups + groups });
  });
  run(); // compiles the scanners
  counting = true;
  run();
  const all = [...stats.values()].reduce((a, s) => ({ searches: a.searches + s.searches, ms: a.ms + s.ms, groups: a.groups + s.groups }), { searches: 0, ms: 0, groups: 0 });
  console.log(`${LINES} lines: ${all.searches} searches, ${all.groups} groups decoded, ${all.ms.toFixed(1)} ms in searches (timing included)`);
  for (const [key, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
    console.log(`${s.ms.toFixed(1).padStart(7)} ms ${String(s.searches).padStart(7)} searches ${(s.groups / s.searches).toFixed(0).padStart(3)} groups  ${key.slice(0, 160)}`);
  }
  if (process.argv.includes('--split')) await split(raw);
  if (!process.argv.includes('--ablate')) return;
  const top = raw.repository.expression!.patterns;
  const variants: [string, typeof raw][] = [['as is', raw]];
  top.forEach((p, i) => {
    const v = JSON.parse(JSON.stringify(raw)) as typeof raw;
    v.repository.expression!.patterns = top.filter((_, j) => j !== i);
    variants.push([`without ${(p as { include?: string }).include}`, v]);
  });
  const runs = await Promise.all(variants.map(([, v]) => tokenizer(v)));
  const times = runs.map(() => [] as number[]);
  runs.forEach((r) => r());
  for (let round = 0; round < 7; round++) runs.forEach((r, i) => times[i]!.push(cpuMs(r)));
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  variants.forEach(([name], i) => console.log(`${median(times[i]!).toFixed(1).padStart(7)} ms CPU  ${name}`));
}

interface Search {
  scanner: oniguruma.OnigScanner;
  line: number;
  start: number;
  options?: number[];
}
type Internal = oniguruma.OnigScanner & { _ptr: number; _onigBinding: { _findNextOnigScannerMatch: (...a: number[]) => number } };
type InternalString = oniguruma.OnigString & { id: number; ptr: number; utf8Length: number };

/** CPU time of tokenizing vs replaying its searches with decoding vs bare WASM searches (medians of 7). */
async function split(raw: { repository: Record<string, Rule> }): Promise<void> {
  const searches: Search[] = [];
  let line = -1;
  const onigLib = Promise.resolve({
    createOnigScanner: (patterns: string[]) => {
      const scanner = new oniguruma.OnigScanner(patterns);
      return {
        findNextMatchSync: (s: oniguruma.OnigString, start: number, options?: number[]) => {
          if (line >= 0) searches.push({ scanner, line, start, options });
          return scanner.findNextMatchSync(s, start, options);
        },
        dispose: () => scanner.dispose(),
      };
    },
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  });
  const registry = new vsctm.Registry({ onigLib, loadGrammar: async () => vsctm.parseRawGrammar(JSON.stringify(raw), GRAMMAR) });
  const g = (await registry.loadGrammar('source.hogql'))!;
  const lines = Array.from({ length: LINES }, (_, i) => SHAPES[i % SHAPES.length]!);
  const tokenize = (): void => {
    let state = vsctm.INITIAL;
    lines.forEach((text, i) => {
      if (line >= 0) line = i;
      state = g.tokenizeLine2(text, state).ruleStack;
    });
  };
  tokenize(); // compiles the scanners
  line = 0;
  tokenize(); // records
  line = -1;
  // vscode-textmate appends a newline to every line it tokenizes
  const strings = lines.map((l) => new oniguruma.OnigString(`${l}\n`) as InternalString);
  const decoded = (): void => searches.forEach((s) => s.scanner.findNextMatchSync(strings[s.line]!, s.start, s.options));
  const wasm = (): void =>
    searches.forEach(({ scanner, line: l, start }) => {
      const sc = scanner as Internal;
      const str = strings[l]!;
      sc._onigBinding._findNextOnigScannerMatch(sc._ptr, str.id, str.ptr, str.utf8Length, start, 0);
    });
  const runs = [tokenize, decoded, wasm];
  const times = runs.map(() => [] as number[]);
  runs.forEach((r) => r());
  for (let round = 0; round < 7; round++) runs.forEach((r, i) => times[i]!.push(cpuMs(r)));
  const [all, withDecoding, search] = times.map((t) => [...t].sort((a, b) => a - b)[3]!) as [number, number, number];
  const pct = (ms: number): string => `${ms.toFixed(1)} ms (${((100 * ms) / all).toFixed(0)} %)`;
  console.log(`split of ${all.toFixed(1)} ms CPU (${searches.length} searches; medians of 7):`);
  console.log(`  WASM search ${pct(search)}, decoding the groups ${pct(withDecoding - search)}, vscode-textmate's JS ${pct(all - withDecoding)}`);
}

void main();
