import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fileText, formatHeader, linkKey, parseHeader, withoutHeader } from '../../../src/query/insightHeader';

describe('insight link header (the link lives in the file)', () => {
  it('reads the header the issue describes, with and without a scheme', () => {
    assert.deepEqual(parseHeader('-- posthog: insight abc123 on project 2 of us.posthog.com\nSELECT 1'), { shortId: 'abc123', projectId: 2, host: 'https://us.posthog.com' });
    assert.deepEqual(parseHeader('--posthog: INSIGHT Xy-9_z on project 17 of http://localhost:8010/\r\nSELECT 1'), { shortId: 'Xy-9_z', projectId: 17, host: 'http://localhost:8010' });
  });

  it('only on the first line, and only a well-formed one', () => {
    for (const text of [
      'SELECT 1\n-- posthog: insight abc123 on project 2 of us.posthog.com',
      '-- posthog: insight abc123 on project 0 of us.posthog.com',
      '-- posthog: insight abc123 on project 2 of ftp://files.example.com',
      '-- posthog: insight abc123 on project 2',
      '-- posthog: insight abc 123 on project 2 of us.posthog.com',
      '-- a comment about posthog: insight abc123 on project 2 of us.posthog.com',
    ]) assert.equal(parseHeader(text), undefined, text);
  });

  it('writes a header it reads back, and the file text round-trips to the query', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        fc.integer({ min: 1, max: 1e9 }),
        fc.constantFrom('https://us.posthog.com', 'https://eu.posthog.com', 'http://localhost:8010', 'https://posthog.example.com/sub'),
        fc.string(),
        (shortId, projectId, host, query) => {
          const link = { shortId, projectId, host };
          assert.deepEqual(parseHeader(formatHeader(link)), link);
          const text = fileText(link, query);
          assert.deepEqual(parseHeader(text), link);
          assert.equal(withoutHeader(text), query.endsWith('\n') ? query : `${query}\n`);
        },
      ),
    );
  });

  it('reads and writes a view link the same way, kept apart from insights', () => {
    const id = '0191d2c4-5e6f-7000-8a9b-0c1d2e3f4a5b';
    const link = parseHeader(`-- posthog: view ${id} on project 2 of us.posthog.com\nSELECT 1`);
    assert.deepEqual(link, { kind: 'view', shortId: id, projectId: 2, host: 'https://us.posthog.com' });
    assert.equal(formatHeader(link!), `-- posthog: view ${id} on project 2 of us.posthog.com`);
    assert.equal(withoutHeader(fileText(link!, 'SELECT 1')), 'SELECT 1\n');
    assert.equal(parseHeader('-- posthog: views abc on project 2 of us.posthog.com'), undefined);
    assert.notEqual(linkKey(link!), linkKey({ shortId: id, projectId: 2, host: 'https://us.posthog.com' }));
  });

  it('leaves text without a header alone', () => {
    assert.equal(withoutHeader('-- Pageviews\nSELECT 1'), '-- Pageviews\nSELECT 1');
    assert.equal(formatHeader({ shortId: 'a', projectId: 1, host: 'https://us.posthog.com/' }), '-- posthog: insight a on project 1 of us.posthog.com');
  });
});
