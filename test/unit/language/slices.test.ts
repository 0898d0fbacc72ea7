// Work on whole documents in slices (lexInSlices, parseInSlices, documentStatementsInSlices,
// mapInSlices, a statement's offline check in steps) gives the same result as the one-shot
// functions, pauses between slices, and stops when the pause says so.
import assert from 'node:assert/strict';
import { forgetLastLex, lex, lexInSlices } from '../../../src/language/hogql/lexer';
import { parse, parseInSlices } from '../../../src/language/hogql/parse';
import { mapInSlices, mapStepsInSlices } from '../../../src/language/hogql/slices';
import { documentStatements, documentStatementsInSlices, LocalChecker, warmUp } from '../../../src/language/syntax/statements';
import { corpusTexts } from './support/fuzzInputs';

const doc = Array.from(
  { length: 60 },
  (_, i) => `-- q${i}\nSELECT count(), f'{x}' AS "a;b" FROM events /* ; */ WHERE event = 'x;${i}' AND y IN (1, 2);\n`,
).join('');

/** A pause that counts its calls and goes on (or gives up after `limit` calls). */
function counting(limit = Infinity): { pause: () => Promise<boolean>; calls: () => number } {
  let n = 0;
  return { pause: async () => ++n <= limit, calls: () => n };
}

describe('slices', () => {
  // lex() keeps the last big document: each test compares against a fresh, uncached result
  beforeEach(forgetLastLex);

  it('lexInSlices gives the tokens and comments of lex, pausing between slices', async () => {
    const whole = lex(doc);
    forgetLastLex();
    const p = counting();
    const sliced = await lexInSlices(doc, p.pause, 0);
    assert.notEqual(sliced, whole);
    assert.deepEqual(sliced, whole);
    assert.ok(p.calls() > 1, `paused ${p.calls()} times`);
  });

  it('parseInSlices gives the statements and problems of parse', async () => {
    const text = `${doc}SELECT FROM WHERE;\n/* open`;
    const whole = parse(text);
    forgetLastLex();
    const p = counting();
    const sliced = await parseInSlices(text, p.pause, 0);
    assert.deepEqual(sliced, whole);
    assert.ok(p.calls() > 60);
  });

  it('documentStatementsInSlices gives the statements of documentStatements', async () => {
    const whole = documentStatements(doc);
    forgetLastLex();
    assert.deepEqual(await documentStatementsInSlices(doc, counting().pause), whole);
  });

  it('lex keeps the last big document: the same text gives the same result without lexing again', () => {
    const a = lex(doc);
    assert.equal(lex(`${doc}`), a, 'an equal string hits the cache');
    assert.notEqual(lex(`${doc} `), a, 'a changed text is lexed again');
    const b = lex(doc);
    const sameLength = `${doc.slice(0, -2)}2\n`;
    assert.notEqual(doc, sameLength);
    assert.notEqual(lex(sameLength), b, 'a changed text of the same length is lexed again');
    assert.equal(lex(sameLength).tokens.at(-2)?.text, '2');
  });

  it('lex does not keep small texts, and gives their tokens', () => {
    lex(doc);
    const small = lex('SELECT 1');
    assert.deepEqual(
      small.tokens.map((t) => [t.kind, t.text, t.start, t.end]),
      [
        ['ident', 'SELECT', 0, 6],
        ['number', '1', 7, 8],
        ['eof', '', 8, 8],
      ],
    );
    assert.notEqual(lex('SELECT 1'), small, 'a small text is lexed each time (cheaper than comparing it)');
    assert.equal(lex(doc).tokens.length > 100, true, 'the big document is still kept after small ones');
  });

  it('gives up (undefined) when the pause says so', async () => {
    assert.equal(await lexInSlices(doc, counting(2).pause, 0), undefined);
    assert.equal(await parseInSlices(doc, counting(5).pause, 0), undefined);
    assert.equal(await mapInSlices([1, 2, 3], (x) => x, counting(0).pause, 0), undefined);
    assert.deepEqual(await mapInSlices([1, 2, 3], (x) => x * 2, counting().pause, 0), [2, 4, 6]);
  });

  it('mapInSlices yields once a slice has run 2 ms: a task is at most that plus one item', async () => {
    // issue #21: no main-thread task over 10 ms CPU. V8's helper threads (concurrent compiles, GC)
    // run beside a slice and count in the process's CPU time, so a slice is kept short. A fake
    // clock: each item takes 0.5 ms.
    const realNow = performance.now.bind(performance);
    let now = 0;
    performance.now = () => now;
    try {
      const perSlice: number[] = [0];
      const done = await mapInSlices(
        Array.from({ length: 40 }, (_, i) => i),
        (i) => ((now += 0.5), perSlice[perSlice.length - 1]!++, i),
        async () => (perSlice.push(0), true),
      );
      assert.equal(done?.length, 40);
      // deadline 2 ms after the slice starts: items starting at 0, 0.5, 1, 1.5 and 2 ms run
      assert.ok(Math.max(...perSlice) <= 5, `items per slice: ${perSlice.join(' ')}`);
    } finally {
      performance.now = realNow;
    }
  });

  it('warmUp checks its statements one step per pause and stops when told', async () => {
    const p = counting(1);
    await warmUp(new LocalChecker(), p.pause);
    assert.equal(p.calls(), 2, 'one step run, then the second pause said stop');
    const all = counting();
    await warmUp(new LocalChecker(), all.pause);
    assert.ok(all.calls() > 3 * 4, `paused ${all.calls()} times for 3 statements`);
  });

  describe("a statement's offline check in steps (issue #21: a task holds one step, not one statement)", () => {
    const texts = [
      ...corpusTexts(),
      'SELECT evnt, countt() FROM events e JOIN persons p WHERE e.x IN (SELECT 1 FROM evnts)',
      'WITH r AS (SELECT event FROM events) SELECT properties FROM r',
      'SELECT FROM WHERE',
      'SELECT 1; SELECT 2',
      '',
    ];

    it('gives exactly the one-shot result, its steps interleaved with other statements', async () => {
      const expected = texts.map((t) => new LocalChecker().check(t));
      // two checkers at once, pausing before every step: the steps of different statements
      // alternate (the lexer's and parser's module state is shared between them)
      const run = async (): Promise<{ results: unknown; pauses: number }> => {
        const p = counting();
        const tick = async (): Promise<boolean> => (await new Promise((r) => setImmediate(r)), p.pause());
        const results = await mapStepsInSlices(texts, (t) => new LocalChecker().checkSteps(t), tick, -1);
        return { results, pauses: p.calls() };
      };
      const [a, b] = await Promise.all([run(), run()]);
      assert.deepEqual(a.results, expected);
      assert.deepEqual(b.results, expected);
      assert.ok(a.pauses > texts.length * 3, `paused ${a.pauses} times for ${texts.length} statements`);
    });

    it('caches only a finished check; given up, the remaining steps never run', async () => {
      const text = 'SELECT evnt FROM events';
      const checker = new LocalChecker();
      const steps = checker.checkSteps(text);
      steps.next();
      steps.next();
      assert.equal(await mapStepsInSlices([text], (t) => checker.checkSteps(t), counting(0).pause, -1), undefined);
      const again = checker.checkSteps(text);
      assert.equal(again.next().done, false, 'not cached: the check starts over');
      assert.deepEqual(checker.check(text), new LocalChecker().check(text));
      assert.equal(checker.checkSteps(text).next().done, true, 'cached once finished');
    });

    it("drops a result made stale by the project's views changing between two steps", () => {
      const text = 'SELECT 1 FROM event';
      const checker = new LocalChecker();
      const steps = checker.checkSteps(text);
      steps.next();
      checker.setKnownTables(['event']);
      let n = steps.next();
      while (!n.done) n = steps.next();
      assert.deepEqual(n.value.warnings, [], 'checked against the new views');
      assert.deepEqual(checker.check(text).warnings, []);
      checker.setKnownTables([]);
      assert.equal(checker.check(text).warnings.length, 1, 'without the view, `event` is a typo of `events`');
    });
  });
});
