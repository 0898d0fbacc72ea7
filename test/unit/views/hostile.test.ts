// Issue #13 (items 1, 2, 6, 11a): hostile payloads through the API boundary, the paging merge and
// every tree's pure row text. Named cases first (the exact defects), then generated payloads.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ActionSchema, AnnotationSchema, DashboardSchema, ExperimentSchema, SurveySchema } from '../../../src/api/resources/catalog';
import { COHORT } from '../../../src/api/resources/cohorts';
import { FEATURE_FLAG } from '../../../src/api/resources/flags';
import { INSIGHT } from '../../../src/api/resources/insights';
import { PERSON } from '../../../src/api/resources/persons';
import { QUERY_RESPONSE } from '../../../src/api/resources/querySchemas';
import { SESSION_RECORDING } from '../../../src/api/resources/recordings';
import { parseItems, type ItemSpec } from '../../../src/api/schema/boundary';
import type { ApiLogger } from '../../../src/api/types';
import { oneLine } from '../../../src/views/format';
import * as text from '../../../src/views/nodeText';
import { PagedList, type Page } from '../../../src/views/paging';

const RAW_HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f\ufeff\u0000-\u001f\u007f-\u009f]/;

function logger(): ApiLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, warn: (m) => warnings.push(m) };
}
const ctx = (log = logger()) => ({ log, c: { logger: log, scrub: (s: string) => s } });

/** Every text a row shows, as one string per part. */
function shown(t: text.RowText): string[] {
  return [t.label, t.description, ...t.tooltip];
}

function assertClean(parts: string[], what: string): void {
  for (const p of parts) {
    assert.equal(typeof p, 'string', what);
    assert.ok(!p.includes('[object Object]'), `${what}: ${p}`);
    assert.ok(!RAW_HIDDEN.test(p), `${what} shows a raw invisible/bidi character: ${JSON.stringify(p)}`);
  }
}

describe('issue #13: hostile payloads', () => {
  it('an insight whose name is a number or an object falls back to derived_name, then "Untitled insight <short id>", warned once', () => {
    const { log, c } = ctx();
    const raw = [
      { id: 1, short_id: 'abc123', name: 42 },
      { id: 2, short_id: 'def456', name: { en: 'x' }, derived_name: 'Pageviews' },
    ];
    const items = parseItems(c, INSIGHT, raw, 'a page');
    assert.deepEqual(items.map((i) => text.insightText(i).label), ['Untitled insight abc123', 'Pageviews']);
    parseItems(c, INSIGHT, raw, 'a page');
    assert.equal(log.warnings.length, 2, log.warnings.join('\n'));
    assert.match(log.warnings[0]!, /insight 1 .*"name" as a number/);
    assert.match(log.warnings[1]!, /insight 2 .*"name" as an object/);
  });

  it('a flag whose name (its description) is an object shows compact JSON, not [object Object]', () => {
    const { c } = ctx();
    const [f] = parseItems(c, FEATURE_FLAG, [{ id: 7, key: 'beta', name: { note: 'hi' }, active: true, filters: { groups: 'all' } }], 'a page');
    const t = text.flagText(f!);
    assert.match(t.description, /\{"note":"hi"\}/);
    assertClean(shown(t), 'flag');
  });

  it('an item without an id is dropped with a warning; the rest of the page is kept', () => {
    const { log, c } = ctx();
    const items = parseItems(c, FEATURE_FLAG, [{ key: 'no-id' }, { id: 3, key: 'ok' }, null, 'x'], 'a page');
    assert.deepEqual(items.map((f) => f.key), ['ok']);
    assert.ok(log.warnings.some((w) => /Skipped feature flag/.test(w)));
    assert.deepEqual(parseItems(c, FEATURE_FLAG, { not: 'a list' }, 'a page'), []);
  });

  it('a name with a right-to-left override is shown with a visible [U+202E], not as "invoiceexe.txt"', () => {
    assert.equal(oneLine('invoice\u202etxt.exe'), 'invoice[U+202E]txt.exe');
    const { c } = ctx();
    const [i] = parseItems(c, INSIGHT, [{ id: 1, short_id: 's', name: 'invoice\u202etxt.exe', description: 'a\u2066b\u200bc\ufeff' }], 'p');
    const t = text.insightText(i!);
    assert.equal(t.label, 'invoice[U+202E]txt.exe');
    assertClean(shown(t), 'insight');
  });

  it('ids repeated across pages are shown once and the count stays true (never "297 of 250")', async () => {
    // A page shift: every page after the first starts 3 items early (3 created between fetches).
    const fetch = async (offset: number, limit: number): Promise<Page<{ id: number }>> => {
      const start = offset === 0 ? 0 : offset - 3;
      const results = Array.from({ length: Math.max(0, Math.min(limit, 250 - start)) }, (_, k) => ({ id: start + k }));
      return { results, hasMore: start + results.length < 250, nextOffset: offset + results.length, count: 250 };
    };
    const l = new PagedList(fetch, 50, (x) => x.id);
    await l.ensureLoaded();
    while (l.hasMore) await l.loadMore();
    const ids = l.items.map((x) => x.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicate');
    assert.ok(l.count! >= l.items.length, `${l.items.length} of ${l.count}`);
  });
});

// ---- generated payloads ----

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('invoice\u202etxt.exe', '\u2066x\u2069', 'a\u200bb', '\ufeff', 'x\u0000y\u009f', '[object Object]'.slice(1)),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);
const anyValue = fc.oneof(hostileText, fc.constant(null), fc.constant(undefined), fc.integer(), fc.double(), fc.boolean(), fc.object({ maxDepth: 2 }), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }));
const idValue = fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 5 }), fc.object({ maxDepth: 1 }));

/** An object with the given keys, each a hostile value (or missing). */
const payload = (keys: string[], id = idValue) =>
  fc.record({ id, ...Object.fromEntries(keys.map((k) => [k, anyValue])) }, { requiredKeys: [] });

interface Case<T> {
  name: string;
  spec: ItemSpec<T>;
  keys: string[];
  render: (item: T) => text.RowText;
}
const spec = <T>(resource: string, schema: ItemSpec<T>['schema']): ItemSpec<T> => ({ resource, schema });
const cases: Case<any>[] = [
  { name: 'insight', spec: INSIGHT, keys: ['short_id', 'name', 'derived_name', 'description', 'query', 'favorited', 'tags', 'last_modified_at', 'updated_at'], render: (i) => text.insightText(i) },
  { name: 'flag', spec: FEATURE_FLAG, keys: ['key', 'name', 'active', 'filters', 'tags', 'updated_at'], render: (f) => text.flagText(f) },
  { name: 'cohort', spec: COHORT, keys: ['name', 'description', 'count', 'is_static', 'is_calculating', 'last_calculation', 'errors_calculating'], render: (c) => text.cohortText(c) },
  { name: 'dashboard', spec: spec('dashboard', DashboardSchema), keys: ['name', 'description', 'pinned', 'tags', 'tiles'], render: (d) => text.dashboardText(d) },
  { name: 'experiment', spec: spec('experiment', ExperimentSchema), keys: ['name', 'description', 'start_date', 'end_date', 'feature_flag_key', 'archived'], render: (e) => text.experimentText(e) },
  { name: 'survey', spec: spec('survey', SurveySchema), keys: ['name', 'description', 'type', 'questions', 'start_date', 'archived'], render: (s) => text.surveyText(s) },
  { name: 'action', spec: spec('action', ActionSchema), keys: ['name', 'description', 'steps', 'tags'], render: (a) => text.actionText(a) },
  { name: 'annotation', spec: spec('annotation', AnnotationSchema), keys: ['content', 'date_marker', 'scope', 'creation_type'], render: (a) => text.annotationText(a) },
  { name: 'person', spec: PERSON, keys: ['uuid', 'name', 'distinct_ids', 'properties', 'created_at'], render: (p) => text.personText(p) },
  { name: 'recording', spec: SESSION_RECORDING, keys: ['distinct_id', 'person', 'start_url', 'start_time', 'recording_duration', 'viewed'], render: (r) => text.recordingText(r) },
];

describe('issue #13: generated payloads through the schemas and every row’s text', () => {
  for (const k of cases) {
    it(`${k.name}: no throw, no [object Object], no raw bidi/invisible character`, () => {
      fc.assert(
        fc.property(fc.array(payload(k.keys), { maxLength: 6 }), (raw) => {
          const { c } = ctx();
          const items = parseItems(c, k.spec, raw, 'a page');
          assert.ok(items.length <= raw.length);
          for (const item of items) assertClean(shown(k.render(item)), k.name);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('a valid object passes through unchanged in its known fields (the schemas are not lossy)', () => {
    const { c, log } = ctx();
    const raw = { id: 5, short_id: 'q', name: 'N', favorited: true, tags: ['a'], query: { kind: 'HogQLQuery' }, extra: 1 };
    const [i] = parseItems(c, INSIGHT, [raw], 'p');
    assert.deepEqual(i, raw);
    assert.deepEqual(log.warnings, []);
  });

  it('pages with ids repeated across them: every id once, count never below what is shown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 40 }), async (pages, count) => {
        let n = 0;
        const fetch = async (offset: number): Promise<Page<{ id: number }>> => {
          const ids = pages[n++] ?? [];
          return { results: ids.map((id) => ({ id })), hasMore: n < pages.length, nextOffset: offset + ids.length + 1, count };
        };
        const l = new PagedList(fetch, 10, (x) => x.id);
        await l.ensureLoaded();
        while (l.hasMore) await l.loadMore();
        const ids = l.items.map((x) => x.id);
        assert.equal(new Set(ids).size, ids.length);
        assert.ok(l.count! >= ids.length);
      }),
      { numRuns: 100 },
    );
  });

  it('oneLine: any string comes out without raw invisible/bidi characters and within its length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), anyValue), fc.integer({ min: 2, max: 300 }), (s, max) => {
        const out = oneLine(s, max);
        assert.ok(!RAW_HIDDEN.test(out), JSON.stringify(out));
        assert.ok(out.length <= max, `${out.length} > ${max}`);
        assert.ok(!out.includes('[object Object]') || String(s).includes('[object Object]'));
      }),
      { numRuns: 120 },
    );
  });

  it('the query response envelope: rows kept as they are (no cell walked), non-array rows wrapped', () => {
    const { c, log } = ctx();
    const rows = [[1n, 'a'], [2n, 'b']];
    const [r] = parseItems(c, QUERY_RESPONSE, [{ results: rows, columns: ['n', 7], types: [['n', 'Int64'], 'String'] }], 'q');
    assert.equal(r!.results, rows, 'same array instance: nothing copied or walked');
    assert.deepEqual(r!.columns, ['n', '7']);
    const [w] = parseItems(c, QUERY_RESPONSE, [{ results: [[1], 'x'] }, { results: 'nope' }], 'q');
    assert.deepEqual(w!.results, [[1], ['x']]);
    assert.ok(log.warnings.length >= 1);
  });
});
