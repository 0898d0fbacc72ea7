/**
 * The detail lines a resource expands to in the tree (experiment, survey, action, annotation,
 * recording): label, value and icon, as pure functions of the API's validated objects. Server text
 * goes through `oneLine`; dates read "5 Dec 2026, 14:03 UTC". No `vscode`.
 */
import type { Action, Annotation, Experiment, Survey } from '../api/resources/catalog';
import type { SessionRecording } from '../api/resources/recordings';
import type { UserBasic } from '../api/resources/base';
import { formatDate, formatDuration, lifecycle, oneLine } from './format';

export interface Detail {
  /** Unique among the siblings (part of the node id). */
  key: string;
  label: string;
  value?: string;
  icon: string;
}

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Obj) : {});
const text = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : '');
const present = (d: Detail): boolean => d.value === undefined || d.value !== '';

/** A user as "Ada Lovelace (ada@example.com)", else the email, else ''. */
export function userText(u: UserBasic | null | undefined): string {
  if (!u) return '';
  const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
  const email = u.email ?? '';
  return oneLine(name && email ? `${name} (${email})` : name || email, 150);
}

function dates(o: { start_date?: string | null; end_date?: string | null }): Detail[] {
  return [
    { key: 'start', label: 'Started', value: o.start_date ? formatDate(o.start_date) : 'not started', icon: 'calendar' },
    { key: 'end', label: 'Ended', value: formatDate(o.end_date), icon: 'calendar' },
  ].filter(present);
}

/** "Purchases", else the event it counts, else its kind. */
export function metricName(m: unknown): string {
  const o = obj(m);
  const source = obj(o.source);
  return oneLine(text(o.name) || text(source.event) || text(o.metric_type) || text(o.kind) || 'metric', 150);
}

export function experimentDetails(e: Experiment): Detail[] {
  const variants = Array.isArray(obj(e.parameters).feature_flag_variants) ? (obj(e.parameters).feature_flag_variants as unknown[]) : [];
  return [
    { key: 'status', label: 'Status', value: lifecycle(e), icon: 'pulse' },
    { key: 'flag', label: 'Feature flag', value: oneLine(e.feature_flag_key ?? '', 150), icon: 'symbol-boolean' },
    ...dates(e),
    ...variants.map((v, i): Detail => ({ key: `variant${i}`, label: `Variant ${oneLine(text(obj(v).key), 100) || i + 1}`, value: text(obj(v).rollout_percentage) ? `${text(obj(v).rollout_percentage)}%` : '', icon: 'symbol-enum-member' })),
    ...(e.metrics ?? []).map((m, i): Detail => ({ key: `metric${i}`, label: 'Metric', value: metricName(m), icon: 'graph' })),
    ...(e.metrics_secondary ?? []).map((m, i): Detail => ({ key: `metric2_${i}`, label: 'Secondary metric', value: metricName(m), icon: 'graph' })),
    { key: 'description', label: 'Description', value: oneLine(e.description ?? '', 300), icon: 'note' },
  ].filter(present);
}

/** "How likely…? (rating)"; choices follow for multiple choice. */
export function questionText(q: unknown): string {
  const o = obj(q);
  const question = oneLine(text(o.question) || text(q) || '(no text)', 200);
  const type = text(o.type);
  const choices = Array.isArray(o.choices) ? `: ${oneLine(o.choices.map(text).join(', '), 200)}` : '';
  return `${question}${type ? ` (${oneLine(type, 40)}${choices})` : ''}`;
}

export function surveyDetails(s: Survey): Detail[] {
  return [
    { key: 'status', label: 'Status', value: lifecycle(s), icon: 'pulse' },
    { key: 'type', label: 'Type', value: oneLine(s.type ?? '', 40), icon: 'symbol-class' },
    ...dates(s),
    ...(s.questions ?? []).map((q, i): Detail => ({ key: `q${i}`, label: `Question ${i + 1}`, value: questionText(q), icon: 'question' })),
    ...((s.questions ?? []).length === 0 ? [{ key: 'noq', label: 'No questions', icon: 'info' }] : []),
    { key: 'description', label: 'Description', value: oneLine(s.description ?? '', 300), icon: 'note' },
  ].filter(present);
}

const MATCH: Record<string, string> = { exact: '=', contains: 'contains', regex: 'matches' };

/** "$pageview · url contains /pricing", "$autocapture · text = Upload file", "any event". */
export function stepText(step: unknown): string {
  const s = obj(step);
  const parts = [text(s.event) || 'any event'];
  for (const [field, matching, fallback] of [['url', 'url_matching', 'contains'], ['text', 'text_matching', 'exact'], ['href', 'href_matching', 'exact']] as const) {
    if (text(s[field])) parts.push(`${field} ${MATCH[text(s[matching]) || fallback] ?? text(s[matching])} ${text(s[field])}`);
  }
  if (text(s.selector)) parts.push(`selector ${text(s.selector)}`);
  if (text(s.tag_name)) parts.push(`tag ${text(s.tag_name)}`);
  const props = Array.isArray(s.properties) ? s.properties.length : 0;
  if (props) parts.push(`${props} propert${props === 1 ? 'y' : 'ies'}`);
  return oneLine(parts.join(' · '), 300);
}

export function actionDetails(a: Action): Detail[] {
  const steps = a.steps ?? [];
  return [
    ...steps.map((s, i): Detail => ({ key: `s${i}`, label: steps.length > 1 ? `Step ${i + 1}${i > 0 ? ' (or)' : ''}` : 'Step', value: stepText(s), icon: 'debug-step-over' })),
    ...(steps.length === 0 ? [{ key: 'nos', label: 'No steps', icon: 'info' }] : []),
    { key: 'description', label: 'Description', value: oneLine(a.description ?? '', 300), icon: 'note' },
  ].filter(present);
}

export function annotationDetails(a: Annotation): Detail[] {
  return [
    { key: 'text', label: 'Text', value: oneLine(a.content ?? '', 1000) || '(no text)', icon: 'note' },
    { key: 'date', label: 'Date', value: formatDate(a.date_marker), icon: 'calendar' },
    { key: 'scope', label: 'Scope', value: oneLine(a.scope, 40), icon: a.scope === 'organization' ? 'globe' : 'project' },
    { key: 'creator', label: 'Created by', value: userText(a.created_by) || (a.creation_type === 'GIT' ? 'git' : 'unknown'), icon: 'person' },
    { key: 'created', label: 'Created', value: formatDate(a.created_at), icon: 'history' },
  ].filter(present);
}

export function recordingDetails(r: SessionRecording): Detail[] {
  const email = r.person?.properties?.email;
  const person = (typeof email === 'string' && email) || r.person?.name || '';
  return [
    { key: 'person', label: 'Person', value: oneLine(person || 'anonymous', 150), icon: 'person' },
    { key: 'distinct', label: 'Distinct id', value: oneLine(r.distinct_id ?? '', 150), icon: 'key' },
    { key: 'start', label: 'Started', value: formatDate(r.start_time), icon: 'calendar' },
    { key: 'duration', label: 'Duration', value: `${formatDuration(r.recording_duration)}${r.active_seconds === undefined || r.active_seconds === null ? '' : ` (${formatDuration(r.active_seconds)} active)`}`, icon: 'clock' },
    { key: 'url', label: 'Start URL', value: oneLine(r.start_url ?? '', 300), icon: 'link' },
    { key: 'activity', label: 'Activity', value: `${r.click_count ?? 0} clicks · ${r.keypress_count ?? 0} key presses · ${r.console_error_count ?? 0} console errors`, icon: 'pulse' },
  ].filter(present);
}
