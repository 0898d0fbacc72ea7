// snippets/hogql.json: every snippet has numbered tab stops, expands (defaults and first
// choices filled in) to HogQL that PostHog's parser accepts, and calls only known functions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Expands VS Code snippet syntax the way accepting every default would. */
function expand(body: string): string {
  const ESC = '\u0000';
  const defaults = new Map<string, string>();
  let text = body.replace(/\\\$/g, ESC);
  text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
    defaults.set(n, choices.split(',')[0]!);
    return defaults.get(n)!;
  });
  text = text.replace(/\$\{(\d+):([^{}]*)\}/g, (_, n: string, def: string) => {
    if (!defaults.has(n)) defaults.set(n, def);
    return defaults.get(n)!;
  });
  text = text.replace(/\$\{?(\d+)\}?/g, (_, n: string) => defaults.get(n) ?? '');
  return text.replaceAll(ESC, '$');
}

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

      it('expands to HogQL the parser accepts', () => {
        const sql = expand(body);
        const result = JSON.parse(parser.parseSelect(sql)) as { error?: boolean; message?: string };
        assert.ok(!result.error, `${result.message}\n${sql}`);
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
