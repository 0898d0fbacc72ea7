import * as assert from 'node:assert/strict';
import type { FeatureFlag } from '../../../src/api/resources/flags';
import { conditionLines, flagSnippet, flagSummary, newFlagBody, parseRollout, validateFlagKey, variantLines, withRollout } from '../../../src/views/flagLogic';
import { formatDuration, lifecycle, oneLine, parseDateMarker, parseProperties, relativeTime, validateEventName } from '../../../src/views/format';
import { insightKind, insightName, resultTable, sqlOf } from '../../../src/views/insightLogic';
import { identifier, insertText } from '../../../src/views/schemaText';

const flag = (over: Partial<FeatureFlag> = {}): FeatureFlag => ({ id: 1, key: 'new-checkout', name: 'New checkout', active: true, filters: { groups: [{ properties: [], rollout_percentage: 25 }] }, ...over });

describe('views/flagLogic', () => {
  it('validates keys with PostHog’s rule', () => {
    assert.equal(validateFlagKey('new-checkout_2'), undefined);
    assert.match(validateFlagKey('new checkout')!, /letters, numbers/);
    assert.match(validateFlagKey('flag<script>')!, /letters, numbers/);
    assert.match(validateFlagKey('')!, /Enter a key/);
    assert.match(validateFlagKey('é')!, /letters/);
  });

  it('parses rollout percentages', () => {
    assert.deepEqual(parseRollout('25'), { ok: true, value: 25 });
    assert.deepEqual(parseRollout(' 100 % '), { ok: true, value: 100 });
    assert.deepEqual(parseRollout(0), { ok: true, value: 0 });
    for (const bad of ['101', '-1', '2.5', 'abc', '']) assert.equal(parseRollout(bad).ok, false, bad);
  });

  it('summarises rollout, conditions and variants', () => {
    assert.equal(flagSummary(flag()), '25% rollout');
    assert.equal(flagSummary(flag({ filters: { groups: [{ properties: [], rollout_percentage: null }] } })), '100% rollout');
    const withProps = flag({ filters: { groups: [{ properties: [{ key: 'plan', value: ['enterprise'], operator: 'exact' }], rollout_percentage: 50 }, { properties: [], rollout_percentage: 10 }] } });
    assert.equal(flagSummary(withProps), '2 conditions');
    assert.deepEqual(conditionLines(withProps), ['Condition 1: 50% of users where plan = enterprise', 'Condition 2: 10% of all users']);
    const mv = flag({ filters: { groups: [{ properties: [], rollout_percentage: 100 }], multivariate: { variants: [{ key: 'control', rollout_percentage: 50 }, { key: 'test', name: 'Test arm', rollout_percentage: 50 }] } } });
    assert.equal(flagSummary(mv), '2 variants: control 50%, test 50%');
    assert.deepEqual(variantLines(mv), ['control — 50%', 'test — 50% (Test arm)']);
  });

  it('sets the rollout of all or one condition, keeping the rest', () => {
    const f = flag({ filters: { groups: [{ properties: [{ key: 'a' }], rollout_percentage: 50 }, { properties: [], rollout_percentage: 10 }], payloads: { x: 1 } } });
    assert.deepEqual(withRollout(f, 70).groups.map((g) => g.rollout_percentage), [70, 70]);
    const one = withRollout(f, 70, 1);
    assert.deepEqual(one.groups.map((g) => g.rollout_percentage), [50, 70]);
    assert.deepEqual(one.groups[0]!.properties, [{ key: 'a' }]);
    assert.deepEqual(one.payloads, { x: 1 });
    assert.deepEqual(withRollout(flag({ filters: { groups: [] } }), 5).groups, [{ properties: [], rollout_percentage: 5, variant: null }]);
  });

  it('builds posthog-js snippets with the key quoted safely', () => {
    assert.equal(flagSnippet({ key: 'new-checkout' }), "if (posthog.isFeatureEnabled('new-checkout')) {\n  // flag is on\n}");
    assert.match(flagSnippet({ key: "it's" }), /isFeatureEnabled\('it\\'s'\)/);
    const mv = flagSnippet({ key: 'exp', filters: { groups: [], multivariate: { variants: [{ key: 'control', rollout_percentage: 50 }, { key: 'green', rollout_percentage: 50 }] } } });
    assert.match(mv, /posthog\.getFeatureFlag\('exp'\) === 'green'/);
  });

  it('builds the create body of a simple flag', () => {
    assert.deepEqual(newFlagBody('k', 'n', 40), { key: 'k', name: 'n', active: true, filters: { groups: [{ properties: [], rollout_percentage: 40, variant: null }] } });
  });
});

describe('views/format', () => {
  const now = Date.parse('2024-05-10T12:00:00Z');
  it('formats relative times and durations', () => {
    assert.equal(relativeTime('2024-05-10T11:59:30Z', now), 'just now');
    assert.equal(relativeTime('2024-05-10T11:00:00Z', now), '1 h ago');
    assert.equal(relativeTime('2024-05-07T12:00:00Z', now), '3 d ago');
    assert.equal(relativeTime('2023-01-01T00:00:00Z', now), '2023-01-01');
    assert.equal(relativeTime('nonsense', now), '');
    assert.equal(formatDuration(9), '9s');
    assert.equal(formatDuration(75), '1m 15s');
    assert.equal(formatDuration(3700), '1h 1m');
  });

  it('flattens text to one line and truncates', () => {
    assert.equal(oneLine('a\nb\tc'), 'a b c');
    assert.equal(oneLine('x'.repeat(10), 5), 'xxxx…');
  });

  it('derives lifecycle from dates', () => {
    assert.equal(lifecycle({}), 'draft');
    assert.equal(lifecycle({ start_date: '2024-01-01' }), 'running');
    assert.equal(lifecycle({ start_date: '2024-01-01', end_date: '2024-02-01' }), 'complete');
    assert.equal(lifecycle({ start_date: '2024-01-01', archived: true }), 'archived');
  });

  it('parses annotation dates', () => {
    assert.deepEqual(parseDateMarker('2024-05-01'), { ok: true, iso: '2024-05-01T00:00:00.000Z' });
    assert.deepEqual(parseDateMarker('2024-05-01 12:30'), { ok: true, iso: '2024-05-01T12:30:00.000Z' });
    assert.deepEqual(parseDateMarker('2024-05-01T12:30:00+02:00'), { ok: true, iso: '2024-05-01T10:30:00.000Z' });
    assert.equal(parseDateMarker('2024-02-30').ok, false);
    assert.equal(parseDateMarker('yesterday').ok, false);
  });

  it('validates capture properties and event names', () => {
    assert.deepEqual(parseProperties(''), { ok: true, value: {} });
    assert.deepEqual(parseProperties('{"plan":"pro"}'), { ok: true, value: { plan: 'pro' } });
    assert.equal(parseProperties('[1]').ok, false);
    assert.equal(parseProperties('{plan: 1}').ok, false);
    assert.equal(validateEventName('signed up'), undefined);
    assert.ok(validateEventName('  '));
    assert.ok(validateEventName('a\nb'));
  });
});

describe('views/insightLogic', () => {
  const sql = { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: 'select 1' } };
  const trends = { kind: 'InsightVizNode', source: { kind: 'TrendsQuery' } };
  it('names and classifies insights', () => {
    assert.equal(insightName({ name: null, derived_name: 'Pageviews count', short_id: 'abc' }), 'Pageviews count');
    assert.equal(insightName({ name: ' ', derived_name: null, short_id: 'abc' }), 'Untitled insight abc');
    assert.equal(insightKind(sql), 'SQL');
    assert.equal(insightKind(trends), 'Trends');
    assert.equal(insightKind({ kind: 'InsightVizNode', source: { kind: 'FunnelsQuery' } }), 'Funnels');
    assert.equal(sqlOf(sql), 'select 1');
    assert.equal(sqlOf(trends), undefined);
  });

  it('turns tabular results into tables, and leaves the rest to JSON', () => {
    assert.deepEqual(resultTable([[1, 'a']], ['n', 's']), { columns: ['n', 's'], types: ['', ''], rows: [[1, 'a']] });
    const t = resultTable([{ label: '$pageview', days: ['2024-05-01', '2024-05-02'], data: [3, 4] }]);
    assert.deepEqual(t?.rows, [['$pageview', '2024-05-01', 3], ['$pageview', '2024-05-02', 4]]);
    assert.deepEqual(resultTable([{ a: 1, b: 'x' }])?.columns, ['a', 'b']);
    assert.equal(resultTable([{ steps: [{ a: 1 }] }]), undefined);
    assert.equal(resultTable(null), undefined);
    assert.equal(resultTable([]), undefined);
  });
});

describe('views/schemaText', () => {
  it('inserts names as HogQL', () => {
    assert.equal(insertText('field', 'timestamp'), 'timestamp');
    assert.equal(insertText('event', "it's"), "'it\\'s'");
    assert.equal(insertText('eventProperty', '$browser'), 'properties.$browser');
    assert.equal(insertText('personProperty', 'first name'), 'person.properties.`first name`');
    assert.equal(identifier('a`b'), '`a\\`b`');
  });
});
