import assert from 'node:assert/strict';
import { HogQLError, ParsePool, setSharedParsePool, sharedParsePool } from '../../src/hogql';
import { run } from './support/fixture';

describe('HogQL parser worker pool: hangs and crashes never reach the caller', function () {
  this.timeout(60_000);
  let previous: ParsePool;

  before(() => {
    previous = sharedParsePool();
    setSharedParsePool(new ParsePool({ timeoutMs: 2000 }));
  });
  after(async () => {
    await sharedParsePool().close();
    setSharedParsePool(previous);
  });

  it('a 1000-deep parenthesis nest fails cleanly and the next query works', async () => {
    const deep = 'SELECT ' + '('.repeat(1000) + '1' + ')'.repeat(1000);
    const started = Date.now();
    await assert.rejects(run(deep), (err: unknown) => err instanceof HogQLError && err.code === 'hogql_error');
    assert.ok(Date.now() - started < 10_000);
    const next = await run('SELECT 1 + 1');
    assert.deepEqual(next.results, [[2]]);
  });

  it('a 600-term AND chain fails cleanly and the next query works', async () => {
    const chain = 'SELECT 1 FROM events WHERE ' + Array.from({ length: 600 }, (_, i) => `event = 'e${i}'`).join(' AND ');
    await assert.rejects(run(chain), (err: unknown) => err instanceof HogQLError);
    const next = await run("SELECT count() FROM events WHERE event = '$pageview'");
    assert.equal(next.results.length, 1);
    assert.ok(sharedParsePool().replacements >= 1);
  });

  it('refuses inputs over the size cap without parsing', async () => {
    const pool = new ParsePool({ maxChars: 50 });
    await assert.rejects(pool.parse('select', 'SELECT ' + 'a, '.repeat(40) + 'b'), /too long/);
    await pool.close();
  });

  it('keeps the event loop free while parsing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const wide = 'SELECT ' + Array.from({ length: 150 }, (_, i) => `if(event = 'x${i}', 1, 0) AS c${i}`).join(', ') + ' FROM events';
    // its own pool with a generous deadline: this is about the event loop, and a loaded machine may
    // take longer than the suite's 2 s hang limit for this parse
    const pool = new ParsePool({ timeoutMs: 60_000 });
    try {
      await pool.parse('select', wide);
    } finally {
      clearInterval(timer);
      await pool.close();
    }
    assert.ok(ticks > 5, `only ${ticks} timer ticks while parsing`);
  });
});
