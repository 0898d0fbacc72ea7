// The range repair's per-kind children (src/language/hogql/kids.ts `collectKids`) must be exactly
// the children the generic walk finds (visit.ts) and those of the properties its compiler-checked
// table `CHILD_KEYS` lists, on every node of trees from the corpus, generated statements and their
// mutants (many with error nodes): a property left out would leave a range unrepaired.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node } from '../../../src/language/hogql/ast';
import { parse } from '../../../src/language/hogql/parse';
import { CHILD_KEYS, collectKids } from '../../../src/language/hogql/kids';
import { childrenOf, collectChildren, collectNodes, walk } from '../../../src/language/hogql/visit';
import { corpusTexts, mutatedCorpus, randomText } from './support/fuzzInputs';
import { GrammarGen } from './support/grammarGen';

/** The children held by the properties `CHILD_KEYS` marks for the node's kind. */
function tableKids(n: Node): Node[] {
  const keys = CHILD_KEYS[n.kind] as Record<string, boolean>;
  const out: Node[] = [];
  for (const key of Object.keys(keys)) {
    const v = (n as unknown as Record<string, unknown>)[key];
    if (keys[key] && typeof v === 'object' && v !== null) collectNodes(v, out);
  }
  return out;
}

function sameKids(root: Node, kinds: Set<string>): void {
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    kinds.add(n.kind);
    const generic = collectChildren(n, []);
    const fast: Node[] = [];
    assert.ok(collectKids(n, fast), `kids.ts lists no children for a ${n.kind}`);
    // the same nodes (as a multiset; the table may list properties in another order)
    assert.equal(fast.length, generic.length, `children of a ${n.kind}`);
    for (const kid of generic) assert.ok(fast.includes(kid), `a child of a ${n.kind} (${kid.kind}) missing from kids.ts's collectKids`);
    const table = tableKids(n);
    assert.ok(table.length === fast.length && table.every((kid) => fast.includes(kid)), `children of a ${n.kind}: collectKids vs CHILD_KEYS`);
    stack.push(...generic);
  }
}

/** visit.ts's childrenOf before kids.ts: property order, sorted by start when out of order. */
function genericChildrenOf(n: Node): Node[] {
  const out = collectChildren(n, []);
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].start > out[i].start) return out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function texts(): string[] {
  const g = new GrammarGen(4242);
  const generated = Array.from({ length: 600 }, () => g.statement());
  return [...corpusTexts(), ...generated, ...generated.map((t) => g.mutate(t)), ...generated.map((t) => g.mutate(g.mutate(t)))];
}

describe('HogQL range repair: per-kind child table', () => {
  it('finds the same children as the generic walk on corpus, generated and mutated statements', () => {
    const kinds = new Set<string>();
    for (const text of texts()) for (const s of parse(text).statements) sameKids(s.query, kinds);
    // the inputs reach (nearly) every kind, so the check means something
    assert.ok(kinds.size >= 38, `only ${kinds.size} node kinds reached: ${[...kinds].sort().join(', ')}`);
  });
});

describe('HogQL tree walks: children in the same order as the generic walk', () => {
  it('childrenOf gives the generic order on every node, ties (children starting at one offset) included', () => {
    // fuzz inputs (fixed seeds) besides: the only trees here whose children tie (zero-width nodes after recovery)
    const fuzz = [...fc.sample(mutatedCorpus(corpusTexts()), { seed: 7, numRuns: 1500 }), ...fc.sample(randomText, { seed: 8, numRuns: 1500 })];
    let ties = 0;
    for (const text of [...texts(), ...fuzz]) {
      for (const s of parse(text).statements) {
        const stack: Node[] = [s.query];
        while (stack.length > 0) {
          const n = stack.pop()!;
          const expected = genericChildrenOf(n);
          const got = childrenOf(n);
          assert.ok(got.length === expected.length && got.every((kid, i) => kid === expected[i]), `children of a ${n.kind} in \`${text.slice(0, 80)}\``);
          if (expected.some((kid, i) => i > 0 && expected[i - 1].start === kid.start)) ties++;
          stack.push(...expected);
        }
      }
    }
    // the inputs hold nodes whose children tie, so the generic walk's tie order is really checked
    assert.ok(ties > 0, 'no node with two children starting at one offset');
  });

  it('walk visits every node with its parent in the order of a plain recursive walk over childrenOf, skips included', () => {
    // walk reuses its stacks and one children array (s12, issue #21: less garbage); the reference
    // allocates freely. Skipping the children of every 5th node checks `return false`.
    const reference = (n: Node, parent: Node | null, out: [Node, Node | null][]): void => {
      out.push([n, parent]);
      if (out.length % 5 !== 0) for (const kid of childrenOf(n)) reference(kid, n, out);
    };
    const fuzz = fc.sample(mutatedCorpus(corpusTexts()), { seed: 9, numRuns: 800 });
    for (const text of [...texts(), ...fuzz]) {
      for (const s of parse(text).statements) {
        const expected: [Node, Node | null][] = [];
        reference(s.query, null, expected);
        const got: [Node, Node | null][] = [];
        walk(s.query, (n, parent) => got.push([n, parent]) % 5 !== 0);
        assert.ok(got.length === expected.length && got.every(([n, p], i) => n === expected[i][0] && p === expected[i][1]), `walk order in \`${text.slice(0, 80)}\``);
      }
    }
  });
});

/** The first node (with its parent) whose range is inverted or not inside its parent's, or undefined. */
function malformed(root: Node): string | undefined {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.end < n.start) return `${n.kind} ${n.start}-${n.end} inverted`;
    for (const kid of collectChildren(n, [])) {
      if (kid.start < n.start || kid.end > n.end) return `${kid.kind} ${kid.start}-${kid.end} outside its ${n.kind} ${n.start}-${n.end}`;
      stack.push(kid);
    }
  }
  return undefined;
}

describe('HogQL range repair: run only where recovery can leave a range malformed (issue #15)', () => {
  // the parser repairs only trees with a problem at or past the last consumed token (ParserState.rangesDirty);
  // recovery shapes that need the repair (zero-width nodes past their parent's end), from issue #15's mutants
  const needRepair = [
    "with happy as (select 'yes' from events), as ':(' sad select sad from happy",
    '(SELECT uniq(), name FROM person_distinct_ids w AS ()) UNION ALL {sub}',
    'SELECT a FROM groups, INTERSECT (SELECT b FROM sessions)',
    'SELECT a FROM sessions LIMIT 70, INTERSECT (SELECT b FROM persons)',
    "SELECT 1 FROM events WHERE CAST(avg(e) BETWEEN 10 AND 89 89 AS String)) UNION ALL {sub}",
  ];

  it('leaves every node inside its parent on the recovery shapes that need the repair', () => {
    for (const text of needRepair) {
      for (const s of parse(text).statements) assert.equal(malformed(s.query), undefined, `\`${text}\``);
    }
  });

  it('leaves every node inside its parent on corpus, generated, mutated and fuzz statements', () => {
    const fuzz = [...fc.sample(mutatedCorpus(corpusTexts()), { seed: 11, numRuns: 1500 }), ...fc.sample(randomText, { seed: 12, numRuns: 1500 })];
    for (const text of [...texts(), ...fuzz]) {
      for (const s of parse(text).statements) assert.equal(malformed(s.query), undefined, `\`${text.slice(0, 120)}\``);
    }
  });
});
