// "Activation time unchanged by the language features": the extension bundle that activation
// loads must hold none of them. They live in dist/language.js, which src/languageLoader.ts
// requires on first use. This bundles src/extension.ts the way scripts/build.mjs does and looks
// at what went in.
import assert from 'node:assert/strict';
import { bundleExtension } from '../../support/bundle';

describe('language features stay out of activation', () => {
  let inputs: Record<string, number>;
  let output = '';

  before(async function () {
    this.timeout(30_000);
    ({ inputs, text: output } = await bundleExtension({ testHooks: false }));
  });

  it('bundles only the providers’ proxies', () => {
    // register.ts: thin proxies. The lexer and the statement splitter are not here either (since
    // s12): the Run lenses take them from the language bundle, Run Query from the features bundle.
    const allowed = new Set([
      'src/language/register.ts',
      // a timer that loads the language features at idle in a workspace with a HogQL file (issue #21)
      'src/language/idleStart.ts',
      // PostHog's parser worker started when the first HogQL document opens, before the language
      // bundle loads, so the thread boots while the bundle loads (issue #21): no vscode, ~2 KB
      'src/language/syntax/workerStart.ts',
      'src/language/syntax/wasmModule.ts',
      // deletes the parser's cache files when hogql.diagnostics.parserCache is off (below)
      'src/language/syntax/parserCache.ts',
    ]);
    const language = Object.keys(inputs).filter((f) => f.startsWith('src/language/') || f.includes('vocabulary'));
    assert.deepEqual(language.filter((f) => !allowed.has(f)), []);
    const bytes = language.reduce((n, f) => n + inputs[f]!, 0);
    // 8,122 bytes before s14, 8,713 with parserCache.ts (591): evaluated only when the setting is off
    assert.ok(bytes < 9 * 1024, `language code in the activation bundle: ${bytes} bytes minified`);
  });

  // hogql.diagnostics.parserCache turned off (or off at startup) before any HogQL document opened:
  // the cache files are deleted without loading the language bundle, so its deleter is in this one
  it('deletes the parser\'s cache files without the language bundle', () => {
    assert.ok(inputs['src/language/syntax/parserCache.ts'] !== undefined, 'parserCache.ts is not in the activation bundle');
    assert.ok(output.includes('removeParserCache'));
  });

  it('reaches the language bundle only through the loader, at run time', () => {
    assert.ok(inputs['src/languageLoader.ts'] !== undefined);
    // a function only the vocabulary names, and the parser's entry point, are nowhere in the bundle
    assert.ok(output.includes('registerLanguageFeatures'), 'names are kept (the checks below would prove nothing)');
    assert.ok(output.includes('statementRanges'), 'the Run lenses take the statements from the language bundle');
    assert.ok(!output.includes('splitStatements'), 'the statement splitter is in the activation bundle');
    assert.ok(!output.includes('toStartOfFifteenMinutes'), 'the vocabulary is in the activation bundle');
    assert.ok(!output.includes('parseStatement'), 'the parser is in the activation bundle');
  });
});

// "0 ms added to activation" by PostHog code intelligence (issue #19): the activation bundle holds
// only its proxies and the cheap document test; the scanner and providers are in dist/codeIntel.js.
describe('code intelligence stays out of activation', () => {
  let inputs: Record<string, number>;
  let output = '';

  before(async function () {
    this.timeout(30_000);
    ({ inputs, text: output } = await bundleExtension({ testHooks: false }));
  });

  it('bundles only register.ts and gate.ts of src/codeIntel/', () => {
    const codeIntel = Object.keys(inputs).filter((f) => f.startsWith('src/codeIntel/'));
    assert.deepEqual(codeIntel.sort(), ['src/codeIntel/gate.ts', 'src/codeIntel/register.ts']);
    const bytes = codeIntel.reduce((n, f) => n + inputs[f]!, 0);
    assert.ok(bytes < 4 * 1024, `code intelligence in the activation bundle: ${bytes} bytes minified`);
  });

  it('reaches the scanner only through dist/codeIntel.js, at run time', () => {
    assert.ok(output.includes('registerCodeIntel'), 'names are kept (the checks below would prove nothing)');
    assert.ok(output.includes('codeIntel.js'), 'the bundle is required by its path');
    assert.ok(!output.includes('lexPython'), 'the scanner is in the activation bundle');
    assert.ok(!output.includes('CodeIntelCompletion'), 'the providers are in the activation bundle');
    assert.ok(!output.includes('DefinitionCache'), 'the definitions cache is in the activation bundle');
  });
});

// Issue #20's budget: the function data (names, parameters, types, notes, links) adds at most
// 150 KB to the lazily loaded language bundle, dist/language.js (and nothing to activation: above).
describe('function docs stay within their budget in the language bundle', () => {
  it('functionDocs.json, its reader, the notes, signature help and keyword docs: ≤ 150 KB minified', async function () {
    this.timeout(30_000);
    const { inputs } = await bundleExtension({ testHooks: false, entry: 'src/language/features.ts' });
    const data = [
      'src/language/hogql/functionDocs.json',
      'src/language/hogql/functionDocs.ts',
      'src/language/hogql/functionNotes.ts',
      'src/language/hogql/signature.ts',
      'src/language/hogql/keywordDocs.ts',
    ];
    for (const f of data) assert.ok(inputs[f], `${f} is in dist/language.js`);
    const bytes = data.reduce((n, f) => n + inputs[f]!, 0);
    assert.ok(bytes <= 150 * 1024, `function data in the language bundle: ${(bytes / 1024).toFixed(1)} KB`);
  });
});
