// snippets/hogql.json: every snippet has numbered tab stops, expands (defaults and first
// choices filled in) to HogQL that PostHog's parser accepts, and calls only known functions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandSnippet as expand, snippetVariants } from '../../support/snippets';
import { ROOT, grammar, tokenizeLines } from './harness';

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}
interface Parser {
  parseSelect(s: string): string;
}

const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'hogql.json'), 'utf8')) as Record<string, Snippet>;

function tabStops(body: string): number[] {
  return [...new Set([...body.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

describe('snippets', () => {
  const entries = Object.entries(snippets);
  let parser: Parser;

  before(async function () {
    this.timeout(20_000);
    const create = require('@posthog/hogql-parser') as () => Promise<Parser>;
    parser = await create();
  });

  it('covers the common query shapes', () => {
    const prefixes = entries.flatMap(([, s]) => s.prefix);
    for (const p of ['eventsbyday', 'topevents', 'funnel', 'uniqueusers', 'breakdown', 'persons', 'sessions', 'retention', 'percentile', 'cte', 'joinpersons']) {
      assert.ok(prefixes.includes(p), `missing snippet ${p}`);
    }
  });

  it('expands snippet syntax as expected (self-check of the test helper)', () => {
    assert.equal(expand("a ${1:x} ${2|p,q|} $1 \\$y ${3:b} $0"), 'a x p x $y b ');
    assert.deepEqual(snippetVariants('${1|p,q,r|} ${2|s,t|}'), ['p s', 'q t', 'r t']);
  });

  for (const [name, s] of entries) {
    describe(name, () => {
      const body = s.body.join('\n');

      it('has a description and consecutive tab stops starting at 1', () => {
        assert.ok(s.description.length > 10);
        const stops = tabStops(body).filter((n) => n > 0);
        assert.ok(stops.length > 0, 'no tab stops');
        assert.deepEqual(stops, stops.map((_, i) => i + 1));
      });

      it('expands to HogQL the parser accepts, with every choice', () => {
        for (const sql of snippetVariants(body)) {
          const result = JSON.parse(parser.parseSelect(sql)) as { error?: boolean; message?: string };
          assert.ok(!result.error, `${result.message}\n${sql}`);
        }
      });

      it('calls only functions the grammar knows', async () => {
        const g = await grammar('source.hogql');
        const lines = tokenizeLines(g, expand(body).split('\n'));
        const unknown = lines.flatMap((l) =>
          l.tokens
            .filter((t) => t.scopes.includes('entity.name.function.hogql'))
            .map((t) => l.text.slice(t.startIndex, t.endIndex)),
        );
        assert.deepEqual(unknown, []);
      });
    });
  }
});
