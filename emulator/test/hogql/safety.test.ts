import assert from 'node:assert/strict';
import { rejection } from './support/fixture';

const TABLE_FUNCTIONS = ['file', 'url', 's3', 'remote', 'remoteSecure', 'cluster', 'executable', 'input', 'mysql', 'postgresql', 'jdbc', 'hdfs', 'azureBlobStorage'];

describe('HogQL safety: only whitelisted functions and known tables translate', function () {
  this.timeout(30_000);

  for (const name of TABLE_FUNCTIONS) {
    it(`refuses ${name}() as a table and as a function`, async () => {
      const asTable = await rejection(`SELECT * FROM ${name}('/etc/passwd')`);
      assert.equal(asTable.message, `Unknown table \`${name}\`.`);
      const asCall = await rejection(`SELECT ${name}('/etc/passwd')`);
      assert.match(asCall.message, new RegExp(`^Unsupported function call '${name}\\(\\.\\.\\.\\)'`));
    });
  }

  it('refuses system tables, dictionaries and PostHog-only functions', async () => {
    assert.equal((await rejection('SELECT * FROM system.tables')).message, 'Unknown table `system.tables`.');
    assert.match((await rejection("SELECT dictGet('d', 'a', 1)")).message, /^Unsupported function call 'dictGet\(\.\.\.\)'/);
    assert.match((await rejection("SELECT getSetting('readonly')")).message, /^Unsupported function call/);
    assert.match((await rejection('SELECT sparkline([1,2])')).message, /not supported by the PostHog emulator/);
  });

  it('refuses SETTINGS, INTO OUTFILE, multiple statements and FINAL', async () => {
    assert.match((await rejection('SELECT 1 SETTINGS readonly=0')).message, /Unsupported|mismatched|no viable/);
    assert.equal((await rejection("SELECT 1 INTO OUTFILE '/tmp/x'")).code, 'hogql_syntax_error');
    assert.equal((await rejection('SELECT 1; DROP TABLE events')).code, 'hogql_syntax_error');
    assert.equal((await rejection('SELECT 1 FROM events FINAL')).message, 'The FINAL keyword is not supported in HogQL as it causes slow queries');
  });

  it('refuses % in identifiers (they could collide with value placeholders)', async () => {
    const err = await rejection('SELECT 1 AS `%(hogql_val_0)s`');
    assert.match(err.message, /contains the "%" character/);
  });

  it('refuses tables the emulator does not serve with a clear message', async () => {
    assert.match((await rejection('SELECT * FROM session_replay_events')).message, /^The table `session_replay_events` is not supported by the PostHog emulator/);
    assert.match((await rejection('SELECT $channel_type FROM sessions')).message, /`sessions.\$channel_type` is not supported/);
  });
});
