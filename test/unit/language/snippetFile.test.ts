import * as assert from 'node:assert/strict';
import { parseSnippetFile, snippetParts } from '../../../src/language/hogql/snippetFile';

describe('team snippets: the file format', () => {
  it('reads name, description and prefix from the header comments, the rest is the query', () => {
    const s = parseSnippetFile('dau.hogql', '-- name: Daily active users\n-- description: Persons per day\n-- prefix: DAU days\nSELECT 1\n')!;
    assert.deepEqual([s.name, s.description, s.prefix, s.body], ['Daily active users', 'Persons per day', 'dau_days', 'SELECT 1']);
  });

  it('defaults the name to the file name and the prefix to its slug; other comments stay in the query', () => {
    const s = parseSnippetFile('Top Pages.hogql', '-- the most viewed pages\nSELECT 1')!;
    assert.deepEqual([s.name, s.prefix, s.description, s.body], ['Top Pages', 'top_pages', '', '-- the most viewed pages\nSELECT 1']);
  });

  it('skips a file with only a header or nothing', () => {
    assert.equal(parseSnippetFile('x.hogql', '-- name: X\n\n'), undefined);
    assert.equal(parseSnippetFile('x.hogql', ''), undefined);
  });

  it('turns {placeholders} into tab stops (one per name), leaving {filters} and {variables.x} as text', () => {
    const parts = snippetParts("SELECT {col} FROM events WHERE {filters} AND event = {event} AND x = {variables.x} OR y = {col}");
    assert.deepEqual(
      parts.filter((p) => p.stop).map((p) => [p.text, p.stop]),
      [['{col}', 1], ['{event}', 2], ['{col}', 1]],
    );
    assert.equal(parts.map((p) => p.text).join(''), "SELECT {col} FROM events WHERE {filters} AND event = {event} AND x = {variables.x} OR y = {col}");
  });

  it('keeps $ and braces that are not placeholders as text', () => {
    const body = "SELECT properties.$browser, {'a': 1} FROM events WHERE event = '$pageview'";
    assert.deepEqual(snippetParts(body), [{ text: body }]);
  });
});
