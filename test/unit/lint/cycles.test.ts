// No import cycle in src/ (type-only imports included) apart from the recursive-descent parser's,
// whose rules call each other by design (scripts/checks/cycles.mjs).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('lint: import cycles', function () {
  this.timeout(30_000);
  it('only the recursive-descent parser imports itself in a circle', async () => {
    const { findCycles } = (await import(join(ROOT, 'scripts/checks/cycles.mjs'))) as { findCycles(root: string, o: { types: boolean }): string[][] };
    const cycles = findCycles(ROOT, { types: true });
    const parser = ['src/language/hogql/expressions.ts', 'src/language/hogql/lambda.ts', 'src/language/hogql/primary.ts', 'src/language/hogql/tags.ts'];
    assert.deepEqual(cycles.filter((c) => c.join() !== parser.join()), []);
  });
});
