// The SDK scanner gives exactly the results of its version before the speed work
// (test/unit/codeIntel/reference/, a frozen copy) on a corpus: the benchmark's 1,000-line file and
// cuts of it, samples of every language, this repository's code-intelligence sources and tests read
// as each language, and seeded random documents made of the scanner's names, quotes and brackets.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../../../src/codeIntel/scan/scan';
import type { SdkLanguage } from '../../../src/codeIntel/scan/types';
import { generateTs, OTHER_SAMPLES, randomDocument } from '../../support/sdkCorpus';
import { scan as referenceScan } from './reference/scan';

const LANGS: SdkLanguage[] = ['js', 'python', 'go', 'ruby'];
const root = join(__dirname, '..', '..', '..');

/** A Ruby call written without parentheses (the next character after its name is not `(`). */
function bare(text: string, lang: SdkLanguage, nameEnd: number): boolean {
  if (lang !== 'ruby') return false;
  let i = nameEnd;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text[i] !== '(';
}

/**
 * The scan without what the reference predates: the properties object's range (added for property
 * completion), posthog-go struct literals built apart from their call (`FeatureFlagPayload{…}`,
 * `Capture{…}`) and Ruby calls without parentheses (issue #19's shapes, pinned by the last test).
 */
function current(text: string, lang: SdkLanguage): ReturnType<typeof scan> {
  const r = scan(text, lang);
  const flags = r.flags.filter((f) => f.kind !== 'struct' && !bare(text, lang, f.nameEnd));
  const captures = r.captures.filter((c) => !(lang === 'go' && c.method === 'Capture') && !bare(text, lang, c.nameEnd));
  return { ...r, flags, captures: captures.map(({ propsStart: _s, propsEnd: _e, ...c }) => c) };
}

function same(text: string, lang: SdkLanguage, what: string): void {
  assert.deepStrictEqual(current(text, lang), referenceScan(text, lang), `${what} read as ${lang}`);
}

const sourcesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));

// One deliberate difference since: a JSX tag's `/` where a regex could start (`/>` after `}`, `</name>`)
// is no longer read as a regex (it hid later calls on the line). None of the corpus below has one
// outside a string or comment, so it is compared whole; the last test pins the difference itself.
const JSX_TAG_SLASHES = [
  "<Foo bar={x} />{posthog.isFeatureEnabled('a')}",
  "<b>Beta</b>{posthog.isFeatureEnabled('b')}",
];

describe('codeIntel scan: same results as before the speed work', () => {
  it('on the benchmark file, its cuts and its tail, in every language', () => {
    const text = generateTs();
    for (const lang of LANGS) same(text, lang, 'the 1,000-line file');
    for (let cut = 7; cut < text.length; cut += 2503) {
      same(text.slice(0, cut), 'js', `its first ${cut} characters`);
      same(text.slice(cut), 'js', `it from ${cut}`);
    }
  });

  it('on samples of Python, Go and Ruby, whole and cut', () => {
    for (const [name, text] of Object.entries(OTHER_SAMPLES)) {
      for (const lang of LANGS) same(text, lang, `the ${name} sample`);
      for (let cut = 1; cut < text.length; cut += 13) same(text.slice(0, cut), name as SdkLanguage, `the ${name} sample's first ${cut} characters`);
    }
  });

  it("on this repository's code-intelligence sources and tests", () => {
    const files = [...sourcesUnder('src/codeIntel'), ...sourcesUnder('test/unit/codeIntel'), ...sourcesUnder('test/host').filter((f) => f.includes('codeIntel'))];
    assert.ok(files.length > 20, `only ${files.length} files`);
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const lang of LANGS) same(text, lang, f);
    }
  });

  it('on 3,000 random documents of the scanner’s names, quotes, comments and brackets', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const text = randomDocument(seed, 10 + (seed % 90));
      same(text, LANGS[seed % 4]!, `random document ${seed}`);
    }
  });
  it('except for JSX tag slashes, where the old scanner read a regex and missed the call', () => {
    for (const text of JSX_TAG_SLASHES) {
      assert.equal(referenceScan(text, 'js').flags.length, 0, text);
      assert.equal(scan(text, 'js').flags.length, 1, text);
    }
  });
  it('except for Go struct literals apart from their call and Ruby calls without parentheses, which it missed', () => {
    const shapes: [string, SdkLanguage][] = [
      ['p := posthog.FeatureFlagPayload{Key: "f", DistinctId: "u"}', 'go'],
      ['m := posthog.Capture{Event: "e", DistinctId: "u"}', 'go'],
      ["if posthog.is_feature_enabled 'f', uid", 'ruby'],
      ["posthog.capture distinct_id: 'u', event: 'e'", 'ruby'],
    ];
    for (const [text, lang] of shapes) {
      const [before, now] = [referenceScan(text, lang), scan(text, lang)];
      assert.equal(before.flags.length + before.captures.length, 0, text);
      assert.equal(now.flags.length + now.captures.length, 1, text);
      assert.deepStrictEqual(current(text, lang), before, text);
    }
  });
});
