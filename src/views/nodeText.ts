/**
 * The text every resource row shows (label, description, tooltip lines), as pure functions of the
 * API's validated objects. All server text goes through `oneLine` (visible escapes for bidi and
 * invisible characters, one line, a length cap). No `vscode`.
 */
import type { Action, Annotation, Dashboard, Experiment, Survey } from '../api/resources/catalog';
import type { Cohort } from '../api/resources/cohorts';
import type { FeatureFlag } from '../api/resources/flags';
import type { Insight } from '../api/resources/insights';
import type { Person } from '../api/resources/persons';
import type { SessionRecording } from '../api/resources/recordings';
import { conditionLines, flagSummary, variantLines } from './flagLogic';
import { formatDate, formatDuration, lifecycle, oneLine, plural, relativeTime } from './format';
import { insightKind, insightName } from './insightLogic';

export interface RowText {
  label: string;
  description: string;
  /** Tooltip lines (appended as text, never Markdown). */
  tooltip: string[];
}

const join = (parts: unknown[], sep = ' · '): string => parts.filter((x): x is string => typeof x === 'string' && x !== '').join(sep);
const tags = (t: readonly string[] | undefined): string | undefined => (t?.length ? `Tags: ${oneLine(t.join(', '), 300)}` : undefined);
const lines = (xs: unknown[]): string[] => xs.filter((x): x is string => typeof x === 'string' && x !== '');

export function insightText(i: Insight, now = Date.now()): RowText {
  const name = oneLine(insightName(i), 150);
  const kind = insightKind(i.query);
  const changed = relativeTime(i.last_modified_at ?? i.updated_at, now);
  return {
    label: name,
    description: join([kind, changed]),
    tooltip: lines([oneLine(insightName(i), 500), i.description && oneLine(i.description, 500), `${kind} insight${i.favorited ? ' · favourite' : ''}${changed ? ` · changed ${changed}` : ''}`, tags(i.tags)]),
  };
}

export function flagText(f: FeatureFlag, now = Date.now()): RowText {
  const key = oneLine(f.key, 150) || `flag ${f.id}`;
  return {
    label: key,
    description: `${f.active ? '' : 'off · '}${oneLine(flagSummary(f), 120)}${f.name ? ` · ${oneLine(f.name, 80)}` : ''}`,
    tooltip: lines([
      `${key} — ${f.active ? 'enabled' : 'disabled'}`,
      f.name && oneLine(f.name, 500),
      ...[...conditionLines(f), ...variantLines(f)].map((l) => oneLine(l, 300)),
      tags(f.tags),
      f.updated_at && `Updated ${relativeTime(f.updated_at, now)}`,
    ]),
  };
}

export function cohortText(c: Cohort, now = Date.now()): RowText {
  const size = c.count === null || c.count === undefined ? 'size unknown' : `${c.count} person${c.count === 1 ? '' : 's'}`;
  const name = oneLine(c.name, 150) || `Cohort ${c.id}`;
  return {
    label: name,
    description: join([size, c.is_static ? 'static' : 'dynamic', c.is_calculating && 'calculating…']),
    tooltip: lines([
      name,
      c.description && oneLine(c.description, 500),
      `${size} · ${c.is_static ? 'static' : 'dynamic'}${c.last_calculation ? ` · calculated ${relativeTime(c.last_calculation, now)}` : ''}`,
      !!c.errors_calculating && `${c.errors_calculating} calculation errors`,
    ]),
  };
}

export function dashboardText(d: Dashboard): RowText {
  const name = oneLine(d.name, 150) || `Dashboard ${d.id}`;
  return {
    label: name,
    description: join([d.pinned && 'pinned', d.tags?.length && oneLine(d.tags.join(', '), 60), d.description && oneLine(d.description, 60)]),
    tooltip: lines([name, d.description && oneLine(d.description, 500)]),
  };
}

export function experimentText(e: Experiment, now = Date.now()): RowText {
  const status = lifecycle(e);
  const name = oneLine(e.name, 150) || `Experiment ${e.id}`;
  const flag = e.feature_flag_key ? oneLine(e.feature_flag_key, 100) : '';
  return {
    label: name,
    description: join([status, flag && `flag ${flag}`]),
    tooltip: lines([
      `${name} — ${status}`,
      e.description && oneLine(e.description, 500),
      flag && `Feature flag: ${flag}`,
      e.start_date && `Started ${relativeTime(e.start_date, now)}${e.end_date ? `, ended ${relativeTime(e.end_date, now)}` : ''}`,
    ]),
  };
}

export function surveyText(s: Survey): RowText {
  const status = lifecycle(s);
  const name = oneLine(s.name, 150) || `Survey ${s.id}`;
  const type = s.type ? oneLine(s.type, 40) : '';
  const question = (q: unknown): string => oneLine(typeof q === 'object' && q !== null && 'question' in q ? q.question : q, 200);
  return {
    label: name,
    description: join([status, type, s.questions && plural(s.questions.length, 'question')]),
    tooltip: lines([`${name} — ${status}, ${type || 'unknown type'}`, s.description && oneLine(s.description, 500), ...(s.questions ?? []).slice(0, 5).map((q) => `• ${question(q)}`)]),
  };
}

export function actionText(a: Action): RowText {
  const name = oneLine(a.name, 150) || `Action ${a.id}`;
  return {
    label: name,
    description: join([a.steps && plural(a.steps.length, 'step'), a.description && oneLine(a.description, 80)]),
    tooltip: lines([name, a.description && oneLine(a.description, 500), tags(a.tags)]),
  };
}

export function annotationText(a: Annotation): RowText {
  const date = a.date_marker ? oneLine(a.date_marker.slice(0, 16).replace('T', ' '), 20) : '';
  const scope = oneLine(a.scope, 40);
  return {
    label: oneLine(a.content, 150) || '(no text)',
    description: join([date, scope, a.creation_type === 'GIT' && 'git']),
    tooltip: lines([oneLine(a.content, 1000), `${formatDate(a.date_marker) || 'no date'} · scope ${scope}`]),
  };
}

export function personLabel(p: Person): string {
  const email = p.properties?.email;
  return oneLine(typeof email === 'string' && email ? email : p.name || p.distinct_ids?.[0] || String(p.uuid ?? p.id), 120);
}

export function personText(p: Person, now = Date.now()): RowText {
  const ids = p.distinct_ids ?? [];
  const label = personLabel(p);
  // An anonymous person's label is already its distinct id: the description does not repeat it.
  const first = ids[0] !== undefined && oneLine(ids[0], 120) !== label ? oneLine(ids[0], 80) : undefined;
  return {
    label,
    description: join([first, ids.length > 1 && `+${ids.length - 1}`, relativeTime(p.created_at, now)]),
    tooltip: lines([label, `Distinct ids: ${oneLine(ids.join(', '), 500)}`, `${Object.keys(p.properties ?? {}).length} properties`]),
  };
}

function who(r: SessionRecording): string {
  const email = r.person?.properties?.email;
  return oneLine((typeof email === 'string' && email) || r.person?.name || r.distinct_id || 'anonymous', 100);
}

export function recordingText(r: SessionRecording, now = Date.now()): RowText {
  return {
    label: who(r),
    description: join([formatDuration(r.recording_duration), relativeTime(r.start_time, now), r.start_url && oneLine(r.start_url, 60)]),
    tooltip: lines([
      `${who(r)} (${oneLine(r.distinct_id ?? '?', 100)})`,
      `Started ${oneLine(r.start_time ?? '?', 40)} · ${formatDuration(r.recording_duration)} (${formatDuration(r.active_seconds)} active)`,
      r.start_url && `Start URL: ${oneLine(r.start_url, 300)}`,
      `${r.click_count ?? 0} clicks · ${r.keypress_count ?? 0} key presses · ${r.console_error_count ?? 0} console errors${r.viewed ? ' · viewed' : ''}`,
    ]),
  };
}
