// Runs every scope fixture in test/fixtures/grammar (format: see harness.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, checkFixture, parseFixture, tokenize } from './harness';

const files = readdirSync(FIXTURES)
  .filter((f) => /\.(hogql|md|ts|js|py)$/.test(f))
  .sort();

describe('grammar fixtures', () => {
  it('finds the fixture files', () => {
    for (const ext of ['hogql', 'md', 'ts', 'js', 'py']) {
      assert.ok(files.some((f) => f.endsWith(`.${ext}`)), `no .${ext} fixture`);
    }
  });

  for (const file of files) {
    it(file, async () => {
      const fixture = parseFixture(readFileSync(join(FIXTURES, file), 'utf8'));
      assert.ok(fixture.assertions.length > 0, 'fixture has no assertions');
      const lines = await tokenize(fixture.scopeName, fixture.source.join('\n'));
      const failures = checkFixture(fixture, lines, file);
      assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
    });
  }
});
