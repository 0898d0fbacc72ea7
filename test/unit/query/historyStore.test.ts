import * as assert from 'node:assert/strict';
import { addEntry, forProject, queryLabel, type HistoryEntry } from '../../../src/query/historyStore';

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

  it('filters by host and project', () => {
    const list = [entry(1, 1), entry(2, 2), { ...entry(3, 1), host: 'https://eu.posthog.com' }];
    assert.deepEqual(forProject(list, 'https://us.posthog.com', 1).map((e) => e.id), ['1']);
  });

  it('labels a query by its first line of code', () => {
    assert.equal(queryLabel('-- top events\n\n  SELECT   event,\n count() FROM events'), 'SELECT event,');
    assert.equal(queryLabel('x'.repeat(100), 10), 'xxxxxxxxx…');
  });
});
