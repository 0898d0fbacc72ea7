// Issue #14 (items 13, 14): pure text of the sidebar — dates for people, the details a resource
// expands to, an anonymous person's row, the project picker's items, and package.json's views and
// menus (collapsed by default; one copy entry on flags).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Action, Annotation, Experiment, Survey } from '../../../src/api/resources/catalog';
import type { Person } from '../../../src/api/resources/persons';
import type { SessionRecording } from '../../../src/api/resources/recordings';
import { projectItems, SWITCH_PROJECT_TITLE } from '../../../src/commands/projectPick';
import { actionDetails, annotationDetails, experimentDetails, recordingDetails, stepText, surveyDetails, type Detail } from '../../../src/views/detailText';
import { formatDate } from '../../../src/views/format';
import { annotationText, personText } from '../../../src/views/nodeText';

const lines = (ds: Detail[]): string[] => ds.map((d) => (d.value === undefined ? d.label : `${d.label}: ${d.value}`));

describe('views: dates for people (#14)', () => {
  it('formats ISO dates as "5 Dec 2026, 14:03 UTC"', () => {
    assert.equal(formatDate('2026-12-05T14:03:59.123Z'), '5 Dec 2026, 14:03 UTC');
    assert.equal(formatDate('2024-05-01T12:30:00+02:00'), '1 May 2024, 10:30 UTC');
    assert.equal(formatDate('2024-05-01T00:00:00Z', true), '1 May 2024');
    assert.equal(formatDate(null), '');
    assert.equal(formatDate('soon\u202E'), 'soon[U+202E]', 'not a date: shown as it is, visibly');
  });

  it('an annotation’s tooltip names the date for people, not in ISO', () => {
    const t = annotationText({ id: 1, content: 'Deployed', date_marker: '2026-12-05T14:03:00Z', scope: 'project' } as Annotation);
    assert.ok(t.tooltip.includes('5 Dec 2026, 14:03 UTC · scope project'), t.tooltip.join('|'));
    assert.ok(!t.tooltip.join('\n').includes('2026-12-05T'));
  });
});

describe('views: details a resource expands to (#13)', () => {
  it('experiment: status, flag, dates, variants, metrics', () => {
    const e = { id: 1, name: 'X', start_date: '2026-11-01T09:00:00Z', end_date: null, feature_flag_key: 'pricing-test', parameters: { feature_flag_variants: [{ key: 'control', rollout_percentage: 50 }, { key: 'test', rollout_percentage: 50 }] }, metrics: [{ kind: 'ExperimentMetric', name: 'Purchases' }, { kind: 'ExperimentMetric', source: { event: 'signed up' } }] } as unknown as Experiment;
    assert.deepEqual(lines(experimentDetails(e)), ['Status: running', 'Feature flag: pricing-test', 'Started: 1 Nov 2026, 09:00 UTC', 'Variant control: 50%', 'Variant test: 50%', 'Metric: Purchases', 'Metric: signed up']);
    assert.deepEqual(lines(experimentDetails({ id: 2, name: 'D' } as Experiment)), ['Status: draft', 'Started: not started']);
  });

  it('survey: status, type, dates, questions with their type and choices', () => {
    const s = { id: 'a', name: 'S', type: 'popover', start_date: '2026-01-02T03:04:00Z', end_date: '2026-02-02T03:04:00Z', questions: [{ type: 'multiple_choice', question: 'Why?', choices: ['Price', 'Other'] }, { type: 'open', question: 'Anything <b>else</b>?' }] } as unknown as Survey;
    assert.deepEqual(lines(surveyDetails(s)), ['Status: complete', 'Type: popover', 'Started: 2 Jan 2026, 03:04 UTC', 'Ended: 2 Feb 2026, 03:04 UTC', 'Question 1: Why? (multiple_choice: Price, Other)', 'Question 2: Anything <b>else</b>? (open)']);
    assert.ok(lines(surveyDetails({ id: 'b', name: 'E', questions: [] } as unknown as Survey)).includes('No questions'));
  });

  it('action: one line per step, matchers in words', () => {
    assert.equal(stepText({ event: '$pageview', url: '/pricing', url_matching: 'contains' }), '$pageview · url contains /pricing');
    assert.equal(stepText({ event: '$autocapture', text: 'Upload file', text_matching: 'exact', url_matching: 'contains' }), '$autocapture · text = Upload file');
    assert.equal(stepText({ event: null, properties: [{}, {}] }), 'any event · 2 properties');
    const a = { id: 1, name: 'A', description: 'Both', steps: [{ event: 'purchase' }, { event: 'signed up' }] } as unknown as Action;
    assert.deepEqual(lines(actionDetails(a)), ['Step 1: purchase', 'Step 2 (or): signed up', 'Description: Both']);
  });

  it('annotation: text, date, scope, creator, created', () => {
    const a = { id: 1, content: 'Launch\u202Egnp.exe', date_marker: '2026-12-05T14:03:00Z', scope: 'organization', created_by: { id: 1, uuid: 'u', first_name: 'Ada', email: 'ada@example.com' }, created_at: '2026-12-05T15:00:00Z' } as unknown as Annotation;
    assert.deepEqual(lines(annotationDetails(a)), ['Text: Launch[U+202E]gnp.exe', 'Date: 5 Dec 2026, 14:03 UTC', 'Scope: organization', 'Created by: Ada (ada@example.com)', 'Created: 5 Dec 2026, 15:00 UTC']);
  });

  it('recording: person, distinct id, start, duration, URL, activity', () => {
    const r = { id: 's1', distinct_id: 'd-1', start_time: '2026-12-05T14:03:00Z', recording_duration: 75, active_seconds: 30, start_url: 'https://x/y', click_count: 3, keypress_count: 2, console_error_count: 1 } as unknown as SessionRecording;
    assert.deepEqual(lines(recordingDetails(r)), ['Person: anonymous', 'Distinct id: d-1', 'Started: 5 Dec 2026, 14:03 UTC', 'Duration: 1m 15s (30s active)', 'Start URL: https://x/y', 'Activity: 3 clicks · 2 key presses · 1 console errors']);
  });
});

describe('views: persons (#14)', () => {
  it('an anonymous person shows its distinct id once (label), not again as description', () => {
    const anon = personText({ id: 1, uuid: 'u1', distinct_ids: ['anon-123'], properties: {}, created_at: null } as unknown as Person);
    assert.equal(anon.label, 'anon-123');
    assert.ok(!anon.description.includes('anon-123'), anon.description);
    const two = personText({ id: 1, uuid: 'u1', distinct_ids: ['anon-123', 'b'], properties: {} } as unknown as Person);
    assert.equal(two.description, '+1');
    const known = personText({ id: 2, uuid: 'u2', distinct_ids: ['d2'], properties: { email: 'a@b.c' } } as unknown as Person);
    assert.deepEqual([known.label, known.description], ['a@b.c', 'd2']);
  });
});

describe('commands: the project picker (#14)', () => {
  const orgs = new Map([['o1', 'Hedgebox']]);
  const projects = [{ id: 1, name: 'Production', organization: 'o1' }, { id: 2, name: 'Staging', organization: 'o1' }];

  it('marks the current project with a check and "current", first', () => {
    const items = projectItems(projects, orgs, 2, 1);
    assert.deepEqual(items.map((i) => [i.label, i.description, i.detail]), [['$(check) Staging', 'current · id 2', 'Hedgebox'], ['Production', 'id 1', 'Hedgebox']]);
    assert.equal(SWITCH_PROJECT_TITLE, 'PostHog: Switch Project');
  });

  it('at sign-in nothing is marked; the user’s PostHog project is listed first', () => {
    const items = projectItems(projects, orgs, undefined, 2);
    assert.deepEqual(items.map((i) => [i.label, i.description]), [['Staging', 'id 2'], ['Production', 'id 1']]);
  });
});

describe('package.json: sidebar views and menus (#14 items 12, 14)', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

  it('every PostHog view but Insights and Feature Flags is collapsed by default', () => {
    const views = pkg.contributes.views.posthog as { id: string; visibility?: string }[];
    assert.equal(views.length, 14); // with Stale Flags in Code (#19), collapsed too
    assert.deepEqual(views.filter((v) => v.visibility !== 'collapsed').map((v) => v.id), ['hogql.insights', 'hogql.flags']);
  });

  it('a flag’s context menu has one copy-key entry ("Copy Flag Key")', () => {
    const menu = (pkg.contributes.menus['view/item/context'] as { command: string; when: string }[]).filter((m) => /copy(Id|Key)$/.test(m.command));
    const whenFlag = (when: string): boolean => {
      const view = /view =~ \/(.*?)\/ /.exec(when)?.[1] ?? /view == (\S+)/.exec(when)?.[1] ?? '';
      const item = /viewItem =~ \/(.*?)\//.exec(when)?.[1] ?? /viewItem == (\S+)/.exec(when)?.[1] ?? '';
      const re = (s: string) => new RegExp(s.replace(/\\\\/g, '\\'));
      return (view === 'hogql.flags' || re(view).test('hogql.flags')) && (item === 'flag.active' || re(item).test('flag.active'));
    };
    assert.deepEqual(menu.filter((m) => whenFlag(m.when)).map((m) => m.command), ['hogql.flags.copyKey']);
  });
});
