// Queries the extension ships (the "New HogQL Query" template, the demo's sample file) are HogQL
// that PostHog's parser accepts; test/host/shipped.test.ts also runs them against the local PostHog.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitStatements } from '../../../src/language/hogql/split';
import { STARTER_QUERY } from '../../../src/query/templates';

const ROOT = join(__dirname, '..', '..', '..');

interface Parser {
  parseSelect(s: string): string;
}

describe('shipped queries parse with PostHog’s parser', () => {
  let parser: Parser;
  before(async function () {
    this.timeout(20_000);
    const create = require('@posthog/hogql-parser') as () => Promise<Parser>;
    parser = await create();
  });

  const accepts = (sql: string): void => {
    const result = JSON.parse(parser.parseSelect(sql)) as { error?: boolean; message?: string };
    assert.ok(!result.error, `${result.message}\n${sql}`);
  };

  it('the New HogQL Query template', () => accepts(STARTER_QUERY));

  it('every statement of the demo workspace’s sample file', () => {
    const text = readFileSync(join(ROOT, 'demo', 'workspace', 'welcome.hogql'), 'utf8');
    const statements = splitStatements(text).map((s) => text.slice(s.range.start, s.range.end));
    assert.ok(statements.length >= 3, 'the sample has statements');
    for (const s of statements) accepts(s);
  });
});
