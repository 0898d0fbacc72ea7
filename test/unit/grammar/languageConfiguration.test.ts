// language-configuration.json: valid JSON, every regex compiles, and the patterns do what
// completion, folding and Enter handling rely on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

interface Pair {
  open: string;
  close: string;
  notIn?: string[];
}
interface OnEnter {
  beforeText: string;
  afterText?: string;
  action: { indent: string; appendText?: string; removeText?: number };
}
interface LanguageConfiguration {
  comments: { lineComment: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: Pair[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  folding: { markers: { start: string; end: string } };
  onEnterRules: OnEnter[];
}

const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

function words(text: string): string[] {
  return [...text.matchAll(new RegExp(config.wordPattern, 'g'))].map((m) => m[0]);
}

/** The onEnter rule VS Code would pick: the first whose beforeText (and afterText) match. */
function onEnter(before: string, after = ''): OnEnter | undefined {
  return config.onEnterRules.find(
    (r) => new RegExp(r.beforeText).test(before) && (!r.afterText || new RegExp(r.afterText).test(after)),
  );
}

describe('language configuration', () => {
  it('uses -- for line comments and /* */ for block comments', () => {
    assert.equal(config.comments.lineComment, '--');
    assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
  });

  it('pairs brackets and auto-closes quotes and backticks outside strings and comments', () => {
    assert.deepEqual(config.brackets, [['(', ')'], ['[', ']'], ['{', '}']]);
    for (const q of ["'", '"', '`']) {
      const pair = config.autoClosingPairs.find((p) => p.open === q);
      assert.ok(pair, `no auto-closing pair for ${q}`);
      assert.equal(pair.close, q);
      assert.deepEqual(pair.notIn?.sort(), ['comment', 'string']);
      assert.ok(config.surroundingPairs.some(([o, c]) => o === q && c === q), `no surrounding pair for ${q}`);
    }
  });

  it('treats $name as one word and splits property chains at dots', () => {
    assert.deepEqual(words('properties.$browser'), ['properties', '$browser']);
    assert.deepEqual(words('person.properties.$initial_utm_source'), ['person', 'properties', '$initial_utm_source']);
    assert.deepEqual(words("properties['$current_url']"), ['properties', '$current_url']);
    assert.deepEqual(words('count() + 1.5'), ['count', '1.5']);
    assert.deepEqual(words('{variables.start_date}'), ['variables', 'start_date']);
  });

  it('has region folding markers for -- region / -- endregion', () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    assert.ok(start.test('-- region Events'));
    assert.ok(start.test('  --region'));
    assert.ok(end.test('-- endregion'));
    assert.ok(!start.test('SELECT 1 -- region'));
    assert.ok(!start.test('-- regional sales'));
    assert.ok(!end.test('-- region'));
  });

  it('indents after SELECT/FROM/WHERE and open brackets, outdents on closers and END', () => {
    const inc = new RegExp(config.indentationRules.increaseIndentPattern);
    const dec = new RegExp(config.indentationRules.decreaseIndentPattern);
    for (const l of ['SELECT', 'select', 'FROM', 'WHERE -- filters', 'GROUP BY', 'WITH x AS (', 'arrayMap(', 'CASE']) {
      assert.ok(inc.test(l), l);
    }
    for (const l of ['SELECT a, b', 'FROM events', 'count()']) assert.ok(!inc.test(l), l);
    for (const l of [')', '  ]', '}', 'END', '  end AS x']) assert.ok(dec.test(l), l);
    assert.ok(!dec.test('ENDS'));
  });

  it('continues block comments on Enter and leaves closed comments alone', () => {
    assert.equal(onEnter('/* a note', ' */')?.action.indent, 'indentOutdent');
    assert.equal(onEnter('/* a note')?.action.appendText, ' * ');
    assert.equal(onEnter('   * more text')?.action.appendText, '* ');
    assert.equal(onEnter('   */')?.action.removeText, 1);
    assert.equal(onEnter('/* closed */ SELECT 1'), undefined);
    assert.equal(onEnter('SELECT 1'), undefined);
    assert.equal(onEnter('SELECT a * b'), undefined);
  });
});
