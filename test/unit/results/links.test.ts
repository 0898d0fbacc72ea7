import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseToHost } from '../../../src/results/protocol';
import { cellLink, checkLink, cohortIdKind, columnLinkKind, safeWebUrl, timestampColumn } from '../../../src/results/links';
import { GridModel } from '../../../webview-ui/results/model';

const UUID = '0190f2a4-7b1c-7d3e-9a2b-1c2d3e4f5a6b';
const col = (name: string, type = 'String'): { name: string; type: string } => ({ name, type });

describe('results/links', () => {
  it('links session ids under PostHog column names to the replay', () => {
    for (const name of ['$session_id', 'session_id', 'e.$session_id', 'properties.$session_id', 'session.session_id']) {
      assert.deepEqual(cellLink(col(name, 'Nullable(String)'), UUID), { kind: 'session', value: UUID }, name);
    }
  });

  it('links person uuids and distinct ids to the person', () => {
    for (const name of ['person_id', 'person.id', 'persons.id', 'e.person_id', 'actor_id']) {
      assert.deepEqual(cellLink(col(name, 'UUID'), UUID), { kind: 'person', value: UUID }, name);
    }
    assert.deepEqual(cellLink(col('distinct_id'), 'user-42@example.com'), { kind: 'distinctId', value: 'user-42@example.com' });
    assert.deepEqual(cellLink(col('events.distinct_id'), 'abc'), { kind: 'distinctId', value: 'abc' });
    // a person_id that is not a uuid is not a person link
    assert.equal(cellLink(col('person_id'), 'not-a-uuid'), undefined);
  });

  it('links event uuids with the row timestamp when there is one', () => {
    assert.deepEqual(cellLink(col('uuid', 'UUID'), UUID, '2026-12-01T10:00:00.000000Z'), { kind: 'event', value: UUID, timestamp: '2026-12-01T10:00:00.000000Z' });
    assert.deepEqual(cellLink(col('events.uuid', 'UUID'), UUID), { kind: 'event', value: UUID });
    const cols = [col('event'), col('timestamp', "DateTime64(6, 'UTC')"), col('uuid', 'UUID')];
    assert.equal(timestampColumn(cols), 1);
    assert.equal(timestampColumn([col('timestamp', 'String')]), -1);
  });

  it('links insight short ids, flag ids and cohort ids to their objects', () => {
    assert.deepEqual(cellLink(col('short_id'), 'aB3dE5fG'), { kind: 'insight', value: 'aB3dE5fG' });
    assert.equal(cellLink(col('short_id'), 'too-long-short-id'), undefined);
    assert.deepEqual(cellLink(col('flag_id', 'Int64'), 12), { kind: 'flag', value: '12' });
    assert.deepEqual(cellLink(col('cohort_id', 'Int64'), '7'), { kind: 'cohort', value: '7' });
    assert.equal(cellLink(col('cohort_id', 'String'), 'x'), undefined);
    assert.equal(cellLink(col('flag_id', 'Int64'), -3), undefined);
  });

  it('links http(s) URLs in any column and nothing else', () => {
    assert.deepEqual(cellLink(col('$current_url'), 'https://example.com/a?b=1#c'), { kind: 'url', value: 'https://example.com/a?b=1#c' });
    assert.deepEqual(cellLink(col('x'), 'HTTP://EXAMPLE.COM/'), { kind: 'url', value: 'HTTP://EXAMPLE.COM/' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vscode://ms.x/y', 'command:workbench.action.quit', 'https://', 'https://a b.com', 'https://user:pw@example.com/', 'http://example.com/\u202e', ' https://example.com', 'mailto:a@b.c', '//example.com']) {
      assert.equal(cellLink(col('url'), bad), undefined, bad);
    }
    assert.equal(cellLink(col('n', 'Int64'), 5), undefined);
    assert.equal(cellLink(col('session_id'), null), undefined);
    assert.equal(cellLink(col('j', 'JSON'), { url: 'https://example.com' }), undefined);
  });

  it('only types that can hold the id count', () => {
    assert.equal(columnLinkKind('person_id', 'Float64'), undefined);
    assert.equal(columnLinkKind('session_id', 'DateTime'), undefined);
    assert.equal(columnLinkKind('flag_id', 'UInt32'), 'flag');
  });

  it('property: no detected or checked link is ever a non-http(s) URL', function () {
    this.timeout(20_000);
    const scheme = fc.constantFrom('javascript', 'data', 'file', 'vscode', 'vscode-insiders', 'command', 'ftp', 'blob', 'about', 'mailto', 'JaVaScRiPt', 'ws', 'chrome');
    const junk = fc.string({ maxLength: 40 });
    const hostile = fc.tuple(fc.constantFrom('', ' ', '\t', '\u200b', '\u0000'), scheme, fc.constantFrom(':', ':/', '://', ':%2F%2F'), junk).map(([pre, s, sep, rest]) => `${pre}${s}${sep}${rest}`);
    const anyText = fc.oneof(hostile, fc.string({ maxLength: 60 }), fc.webUrl().map((u) => `${u}`));
    const names = fc.constantFrom('url', '$current_url', 'session_id', 'person_id', 'distinct_id', 'uuid', 'short_id', 'x');
    fc.assert(
      fc.property(names, anyText, (name, text) => {
        const link = cellLink(col(name), text);
        if (link?.kind === 'url') assert.match(link.value, /^https?:\/\//i);
        const checked = checkLink({ kind: 'url', value: text });
        if (checked) {
          const u = new URL(checked.value);
          assert.ok(u.protocol === 'http:' || u.protocol === 'https:', checked.value);
        }
        assert.equal(safeWebUrl(text) === undefined || /^https?:\/\//i.test(text), true);
      }),
      { numRuns: 1500 },
    );
  });

  it('checkLink re-validates what a webview sends', () => {
    assert.deepEqual(checkLink({ kind: 'session', value: UUID }), { kind: 'session', value: UUID });
    assert.equal(checkLink({ kind: 'session', value: '../../settings' }), undefined);
    assert.equal(checkLink({ kind: 'person', value: 'x' }), undefined);
    assert.equal(checkLink({ kind: 'url', value: 'javascript:alert(1)' }), undefined);
    assert.equal(checkLink({ kind: 'cohort', value: '1/../2' }), undefined);
    assert.equal(checkLink({ kind: 'nope', value: '1' }), undefined);
    assert.equal(checkLink({ kind: 'event', value: UUID, timestamp: 5 }), undefined);
    assert.equal(checkLink(null), undefined);
  });

  it('an openLink message passes the protocol only with a link that holds', () => {
    assert.deepEqual(parseToHost({ kind: 'openLink', link: { kind: 'url', value: 'https://posthog.com/' } }), { kind: 'openLink', link: { kind: 'url', value: 'https://posthog.com/' } });
    assert.equal(parseToHost({ kind: 'openLink', link: { kind: 'url', value: 'javascript:alert(1)' } }), undefined);
    assert.equal(parseToHost({ kind: 'openLink', link: { kind: 'person', value: '../x' } }), undefined);
    assert.equal(parseToHost({ kind: 'openLink' }), undefined);
  });

  it('person uuid and distinct id columns can seed a static cohort', () => {
    assert.equal(cohortIdKind(col('person_id', 'UUID')), 'person');
    assert.equal(cohortIdKind(col('distinct_id')), 'distinctId');
    assert.equal(cohortIdKind(col('uuid', 'UUID')), undefined);
  });
});

describe('results/links in the grid model', () => {
  it("links a shown cell by its column's kind found once per result, not by parsing the column's type per cell", () => {
    // the grid asks for the link of every cell it shows; parsing the column's type each time was
    // ~25 KiB of JS garbage per scroll frame (scripts/bench/grid-alloc.mjs, issue #21)
    const columns = [col('person_id', 'UUID'), col('uuid', 'UUID'), col('timestamp', 'DateTime64(6, \'UTC\')'), col('page'), col('count', 'Int64'), col('cohort_id', 'Int64')];
    const rows = [
      [UUID, UUID, '2026-12-01T10:00:00.000000Z', 'https://posthog.com/docs', 3, 12],
      ['not-a-uuid', 'x', null, 'javascript:alert(1)', 4, 'seven'],
    ];
    const m = new GridModel();
    m.setResult({ queryId: 'q', columns, rows, hasMore: false, elapsedMs: 0 });
    const expected = rows.map((r) => columns.map((c, i) => cellLink(c, r[i], r[2])));
    assert.ok(expected.flat().some((l) => l?.kind === 'person') && expected.flat().some((l) => l?.kind === 'url'));
    let reads = 0;
    m.columns = m.columns.map(
      (c) =>
        new Proxy(c, {
          get(target, key, receiver) {
            if (key === 'name' || key === 'type') reads++;
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
    );
    for (let r = 0; r < rows.length; r++) for (let c = 0; c < columns.length; c++) assert.deepEqual(m.link(r, c), expected[r][c], `row ${r}, column ${c}`);
    assert.equal(reads, 0, `the column's name or type read ${reads} times for ${rows.length * columns.length} cells`);
  });
});
