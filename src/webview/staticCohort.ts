/**
 * "Save as Static Cohort" from a results column of person uuids or distinct ids (issue #17).
 *
 * A write: it asks in a modal naming the project, the cohort name and how many rows and ids it
 * takes (src/ui/confirm.ts), and is refused in read-only mode and Restricted Mode. The cohort is
 * created the way PostHog's own "add persons" does it: `POST cohorts/` with `is_static: true` and
 * `_create_static_person_ids` (person uuids; PostHog inserts them synchronously and drops the ones
 * that are not persons of the project — posthog/api/cohort.py `_handle_static`). Distinct ids are
 * first resolved to person uuids with a HogQL query on `person_distinct_ids`, in batches.
 */
import * as vscode from 'vscode';
import type { Cohort } from '../api/resources/cohorts';
import type { ActiveSession } from '../auth/session';
import { batches, columnIds, MAX_COHORT_IDS } from '../results/cohortIds';
import { cohortIdKind } from '../results/links';
import type { ResultPayload } from '../results/protocol';
import { assertWritable, confirmWrite } from '../ui/confirm';

/** Distinct ids per resolving query (its `has([...], distinct_id)` array). */
const RESOLVE_BATCH = 1_000;

export interface CohortRequest {
  session: ActiveSession;
  result: ResultPayload;
  /** The column's name. */
  column: string;
  /** The cohort's name; asked when absent. */
  name?: string;
  signal?: AbortSignal;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Person uuids of the persons behind `distinctIds` (unknown ids have none). */
export async function personsOfDistinctIds(session: ActiveSession, distinctIds: string[], signal?: AbortSignal): Promise<string[]> {
  const persons = new Set<string>();
  for (const ids of batches(distinctIds, RESOLVE_BATCH)) {
    const response = await session.client.query.run(
      session.projectId,
      { kind: 'HogQLQuery', query: `SELECT DISTINCT person_id FROM person_distinct_ids WHERE has({ids}, distinct_id) LIMIT ${RESOLVE_BATCH * 2}`, values: { ids } },
      signal ? { signal } : {},
    );
    for (const row of response.results ?? []) if (Array.isArray(row) && typeof row[0] === 'string') persons.add(row[0]);
  }
  return [...persons];
}

async function askName(column: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'PostHog: Save as Static Cohort',
    prompt: 'Name of the new static cohort',
    value: `${column} from a query, ${new Date().toISOString().slice(0, 10)}`,
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? 'Enter a name.' : v.length > 400 ? 'At most 400 characters.' : undefined),
  });
  return name?.trim();
}

/** Creates the cohort after the user confirmed; `undefined` when they did not (or gave no name). */
export async function saveStaticCohort(req: CohortRequest): Promise<Cohort | undefined> {
  assertWritable('saving a static cohort');
  const col = req.result.columns.findIndex((c) => c.name === req.column);
  const kind = col >= 0 ? cohortIdKind(req.result.columns[col]) : undefined;
  if (!kind) throw new Error(`Column ${req.column} holds neither person ids nor distinct ids.`);
  const { ids, rows, skipped } = columnIds(req.result.rows, col, kind);
  if (ids.length === 0) throw new Error(`Column ${req.column} has no ${kind === 'person' ? 'person ids' : 'distinct ids'} to save.`);
  const name = req.name?.trim() || (await askName(req.column));
  if (!name) return undefined;
  const what = kind === 'person' ? 'person id' : 'distinct id';
  const notes = [
    `${plural(ids.length, `different ${what}`)} from column ${req.column}, ${plural(rows, 'row')}${req.result.hasMore ? ' loaded (the result has more rows that were not loaded)' : ''}.`,
  ];
  if (skipped) notes.push(`${plural(skipped, 'row')} with an empty or malformed value left out.`);
  if (ids.length >= MAX_COHORT_IDS) notes.push(`Only the first ${MAX_COHORT_IDS.toLocaleString('en-US')} ids are taken.`);
  if (kind === 'distinctId') notes.push('Distinct ids are resolved to their persons first.');
  notes.push('Ids that are not persons of the project are left out by PostHog.');
  const ok = await confirmWrite(
    `Create the static cohort “${name}” in project ${req.session.projectName} from ${plural(rows, 'row')}?`,
    notes.join(' '),
    'Create Cohort',
  );
  if (!ok) return undefined;
  const persons = kind === 'person' ? ids : await personsOfDistinctIds(req.session, ids, req.signal);
  return req.session.client.cohorts.create(
    req.session.projectId,
    { name, is_static: true, _create_static_person_ids: persons },
    req.signal ? { signal: req.signal } : {},
  );
}
