import * as assert from 'node:assert/strict';
import { addEntry, forProject, matchesSearch, queryLabel, type HistoryEntry } from '../../../src/query/historyStore';

const entry = (i: number, projectId = 1): HistoryEntry => ({
  id: String(i),
  query: `select ${i}`,
  at: i,
  host: 'https://us.posthog.com',
  projectId,
  projectName: 'P',
  status: 'done',
});

describe('query history store', () => {
  it('keeps the newest first and caps the list', () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < 10; i++) list = addEntry(list, entry(i), 4);
    assert.deepEqual(list.map((e) => e.id), ['9', '8', '7', '6']);
  });

  it('folds a run identical to the latest (query, host, project) into it: a run count, the latest time and status', () => {
    let list: HistoryEntry[] = [entry(1)];
    list = addEntry(list, { ...entry(2), query: 'select 1', status: 'failed', error: 'boom' });
    list = addEntry(list, { ...entry(3), query: 'select 1', rows: 7, durationMs: 12 });
    assert.equal(list.length, 1);
    assert.deepEqual(
      { id: list[0]!.id, runs: list[0]!.runs, at: list[0]!.at, status: list[0]!.status, rows: list[0]!.rows, error: list[0]!.error },
      { id: '1', runs: 3, at: 3, status: 'done', rows: 7, error: undefined },
    );
    // another project, another host or another query in between: separate entries
    list = addEntry(list, { ...entry(4, 2), query: 'select 1' });
    list = addEntry(list, { ...entry(5), query: 'select 1', host: 'https://eu.posthog.com' });
    list = addEntry(list, { ...entry(6), query: 'select 1' });
    assert.deepEqual(list.map((e) => [e.id, e.runs ?? 1]), [['6', 1], ['5', 1], ['4', 1], ['1', 3]]);
  });

  it('filters by host and project', () => {
    const list = [entry(1, 1), entry(2, 2), { ...entry(3, 1), host: 'https://eu.posthog.com' }];
    assert.deepEqual(forProject(list, 'https://us.posthog.com', 1).map((e) => e.id), ['1']);
  });

  it('labels a query by its first line of code', () => {
    assert.equal(queryLabel('-- top events\n\n  SELECT   event,\n count() FROM events'), 'SELECT event,');
    assert.equal(queryLabel('x'.repeat(100), 10), 'xxxxxxxxx…');
  });

  it('searches by every word, in the query, its error or its project, ignoring case', () => {
    const e = { ...entry(1), query: "SELECT count() FROM events WHERE event = '$pageview'", error: 'Unknown table `evnts`', projectName: 'Hedgebox' };
    assert.equal(matchesSearch(e, ''), true);
    assert.equal(matchesSearch(e, '   '), true);
    assert.equal(matchesSearch(e, 'COUNT $pageview'), true);
    assert.equal(matchesSearch(e, 'evnts hedgebox'), true);
    assert.equal(matchesSearch(e, 'count persons'), false, 'every word must appear');
  });
});
