// Loads the HogQL grammars (and minimal host stubs for Markdown, JS/TS and Python)
// into vscode-textmate with the real Oniguruma WASM, and runs scope assertions.
//
// Fixture format (test/fixtures/grammar/*.{hogql,md,ts,js,py}):
//   - The first line is `@@ grammar <scopeName>`: the root grammar to tokenize with.
//   - Every other line starting with `@@` is an assertion about the closest source
//     line above it; assertion lines are removed before tokenizing.
//   - `@@   ^^^^ scope.a scope.b`  carets mark columns of the source line (the caret's
//     column in the assertion line is the column checked). Columns 0 and 1 sit under
//     the `@@` itself, so use the range form for them:
//   - `@@ 0..6 scope.a`           columns [0, 6) of the source line (clamped to its length).
//   - `@@ -- text` is a note for readers and is ignored.
//   - A scope `x.y` passes when a token scope equals it or starts with `x.y.`;
//     `!x.y` demands that no token scope matches.
// Every checked column must satisfy every listed scope.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const ROOT = join(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'grammar');

const GRAMMAR_FILES: Record<string, string> = {
  'source.hogql': join(ROOT, 'syntaxes', 'hogql.tmLanguage.json'),
  'markdown.hogql.codeblock': join(ROOT, 'syntaxes', 'hogql.markdown.injection.tmLanguage.json'),
  'inline.hogql.js-ts': join(ROOT, 'syntaxes', 'hogql.js-ts.injection.tmLanguage.json'),
  'inline.hogql.python': join(ROOT, 'syntaxes', 'hogql.python.injection.tmLanguage.json'),
  'text.html.markdown': join(FIXTURES, 'hosts', 'markdown.tmLanguage.json'),
  'source.ts': join(FIXTURES, 'hosts', 'typescript.tmLanguage.json'),
  'source.js': join(FIXTURES, 'hosts', 'typescript.tmLanguage.json'),
  'source.python': join(FIXTURES, 'hosts', 'python.tmLanguage.json'),
};

/** Mirrors the `injectTo` lists given for package.json `contributes.grammars`. */
export const INJECT_TO: Record<string, string[]> = {
  'markdown.hogql.codeblock': ['text.html.markdown'],
  'inline.hogql.js-ts': ['source.js', 'source.js.jsx', 'source.jsx', 'source.ts', 'source.tsx'],
  'inline.hogql.python': ['source.python'],
};

let onigReady: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onigReady ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigReady;
}

/**
 * A fresh registry; `overrides` replaces grammar files (used by tests that break a rule on purpose);
 * `onSearch` is called on every regex search vscode-textmate makes (one per match, plus the last).
 */
export function createRegistry(overrides: Record<string, object> = {}, onSearch?: () => void): vsctm.Registry {
  const lib = onSearch ? onigLib().then((l) => countingLib(l, onSearch)) : onigLib();
  return new vsctm.Registry({
    onigLib: lib,
    loadGrammar: async (scopeName) => {
      if (overrides[scopeName]) return vsctm.parseRawGrammar(JSON.stringify(overrides[scopeName]), `${scopeName}.json`);
      const file = GRAMMAR_FILES[scopeName];
      if (!file) return null;
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { scopeName: string };
      raw.scopeName = scopeName; // the JS stub is the TS stub under another name
      return vsctm.parseRawGrammar(JSON.stringify(raw), file);
    },
    getInjections: (scopeName) =>
      Object.entries(INJECT_TO)
        .filter(([, hosts]) => hosts.includes(scopeName))
        .map(([injection]) => injection),
  });
}

function countingLib(lib: vsctm.IOnigLib, onSearch: () => void): vsctm.IOnigLib {
  return {
    ...lib,
    createOnigScanner: (patterns) => {
      const scanner = lib.createOnigScanner(patterns);
      return {
        findNextMatchSync: (s, start, options) => (onSearch(), scanner.findNextMatchSync(s, start, options)),
        dispose: () => scanner.dispose?.(),
      };
    },
    createOnigString: (s) => lib.createOnigString(s),
  };
}

const cache = new Map<string, Promise<vsctm.IGrammar>>();
export function grammar(scopeName: string): Promise<vsctm.IGrammar> {
  let g = cache.get(scopeName);
  if (!g) {
    g = createRegistry()
      .loadGrammar(scopeName)
      .then((x) => {
        if (!x) throw new Error(`no grammar ${scopeName}`);
        return x;
      });
    cache.set(scopeName, g);
  }
  return g;
}

export interface LineTokens {
  text: string;
  tokens: vsctm.IToken[];
  stoppedEarly: boolean;
}

export function tokenizeLines(g: vsctm.IGrammar, lines: string[], timeLimitMs = 0): LineTokens[] {
  let state: vsctm.StateStack = vsctm.INITIAL;
  return lines.map((text) => {
    const r = g.tokenizeLine(text, state, timeLimitMs);
    state = r.ruleStack;
    return { text, tokens: r.tokens, stoppedEarly: r.stoppedEarly };
  });
}

export async function tokenize(scopeName: string, source: string): Promise<LineTokens[]> {
  return tokenizeLines(await grammar(scopeName), source.split(/\r?\n/));
}

/** Scopes of the token covering `column`. */
export function scopesAt(line: LineTokens, column: number): string[] {
  const t = line.tokens.find((tok) => tok.startIndex <= column && column < tok.endIndex);
  return t ? t.scopes : [];
}

export const hasScope = (scopes: string[], want: string): boolean =>
  scopes.some((s) => s === want || s.startsWith(want + '.'));

export interface Assertion {
  fixtureLine: number; // 1-based line in the fixture file
  sourceIndex: number; // index into the source lines
  columns: number[];
  scopes: string[];
}

export interface Fixture {
  scopeName: string;
  source: string[];
  sourceLineNo: number[]; // fixture line number of each source line
  assertions: Assertion[];
}

export function parseFixture(text: string): Fixture {
  const lines = text.split(/\r?\n/);
  const header = /^@@ grammar (\S+)\s*$/.exec(lines[0] ?? '');
  if (!header) throw new Error('fixture must start with "@@ grammar <scopeName>"');
  const fixture: Fixture = { scopeName: header[1]!, source: [], sourceLineNo: [], assertions: [] };
  lines.slice(1).forEach((line, i) => {
    const fixtureLine = i + 2;
    if (!line.startsWith('@@')) {
      fixture.source.push(line);
      fixture.sourceLineNo.push(fixtureLine);
      return;
    }
    if (/^@@\s*--/.test(line)) return;
    const sourceIndex = fixture.source.length - 1;
    if (sourceIndex < 0) throw new Error(`line ${fixtureLine}: assertion before any source line`);
    const range = /^@@\s+(\d+)\.\.(\d+)\s+(.+)$/.exec(line);
    let columns: number[];
    let scopeText: string;
    if (range) {
      const end = Math.min(Number(range[2]), fixture.source[sourceIndex]!.length);
      columns = [];
      for (let c = Number(range[1]); c < end; c++) columns.push(c);
      scopeText = range[3]!;
    } else {
      const carets = /^@@(\s*)(\^+)\s+(.+)$/.exec(line);
      if (!carets) throw new Error(`line ${fixtureLine}: cannot parse assertion: ${line}`);
      const start = 2 + carets[1]!.length;
      columns = Array.from({ length: carets[2]!.length }, (_, k) => start + k);
      scopeText = carets[3]!;
    }
    if (columns.length === 0) throw new Error(`line ${fixtureLine}: assertion covers no column`);
    fixture.assertions.push({ fixtureLine, sourceIndex, columns, scopes: scopeText.trim().split(/\s+/) });
  });
  return fixture;
}

/** Returns one message per failed check (empty when all pass). */
export function checkFixture(fixture: Fixture, lines: LineTokens[], file = 'fixture'): string[] {
  const failures: string[] = [];
  for (const a of fixture.assertions) {
    const line = lines[a.sourceIndex]!;
    for (const column of a.columns) {
      const actual = scopesAt(line, column);
      const bad = a.scopes.filter((s) => (s.startsWith('!') ? hasScope(actual, s.slice(1)) : !hasScope(actual, s)));
      if (bad.length) {
        failures.push(
          `${file}:${a.fixtureLine} (source line ${fixture.sourceLineNo[a.sourceIndex]}, column ${column} ` +
            `${JSON.stringify(line.text.slice(column, column + 12))}): failed ${bad.join(' ')}\n    actual: ${actual.join(' ')}`,
        );
        break; // one message per assertion is enough
      }
    }
  }
  return failures;
}
