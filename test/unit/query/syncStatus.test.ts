import * as assert from 'node:assert/strict';
import { queryHash, syncState, type SyncInput } from '../../../src/query/syncStatus';

describe('sync status of a linked .hogql file (Sync Folder)', () => {
  const base = (query: string, version?: string) => ({ hash: queryHash(query), ...(version ? { version } : {}) });
  const state = (i: Partial<SyncInput> & { local: string }) => syncState({ remote: 'SELECT 1', remoteVersion: 'v1', ...i });

  it('is in sync when the file holds what PostHog holds (however either side got there)', () => {
    assert.equal(state({ local: 'SELECT 1', base: base('SELECT 1', 'v1') }), 'inSync');
    assert.equal(state({ local: 'SELECT 1\n', base: base('SELECT 0', 'v0') }), 'inSync', 'both changed the same way');
    assert.equal(state({ local: 'SELECT 1;\r\n' }), 'inSync', 'never pulled here, same query (line ends and a final ; aside)');
  });

  it('is ahead when only the file changed since the last pull or push', () => {
    assert.equal(state({ local: 'SELECT 2', base: base('SELECT 1', 'v1') }), 'ahead');
  });

  it('is behind when only PostHog changed', () => {
    assert.equal(state({ local: 'SELECT 0', remote: 'SELECT 1', remoteVersion: 'v2', base: base('SELECT 0', 'v1') }), 'behind');
    // without a recorded version, PostHog's query itself tells
    assert.equal(state({ local: 'SELECT 0', base: { hash: queryHash('SELECT 0') } }), 'behind');
  });

  it('is in conflict when both changed', () => {
    assert.equal(state({ local: 'SELECT 2', remote: 'SELECT 3', remoteVersion: 'v2', base: base('SELECT 1', 'v1') }), 'conflict');
  });

  it("a new version in PostHog with the same query is not behind (a rename moves the insight's version)", () => {
    assert.equal(state({ local: 'SELECT 2', remote: 'SELECT 1', remoteVersion: 'v9', base: base('SELECT 1', 'v1') }), 'ahead');
  });

  it('is unknown when it differs and this workspace never pulled or pushed it, missing when PostHog has no such query', () => {
    assert.equal(state({ local: 'SELECT 2' }), 'unknown');
    assert.equal(state({ local: 'SELECT 2', remote: undefined, base: base('SELECT 2', 'v1') }), 'missing');
  });

  it('hashes the query as compared: line ends, surrounding space and a final ; do not count', () => {
    assert.equal(queryHash('SELECT 1;\r\n'), queryHash('  SELECT 1\n'));
    assert.notEqual(queryHash('SELECT 1'), queryHash('SELECT 2'));
  });
});
