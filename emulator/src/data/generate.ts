/**
 * `generateDataset`: a PURE, deterministic function of its options (seeded mulberry32, no
 * Math.random, no clock, no I/O). The HogQL half's corpus tests import it to compute expected
 * answers, so keep it importable without starting anything. Row shapes: `./types.ts`.
 */
import { cohortPeopleRows, eventCounts, generateCohorts } from './cohorts';
import { generatePersons, type SimPerson } from './persons';
import { Rng } from './prng';
import { generateSession, type TeamSite } from './sessions';
import type { CohortRow, Dataset, DistinctIdRow, EventRow, GenerateOptions, PersonRow } from './types';

export type { CohortPeopleRow, CohortRow, Dataset, DistinctIdRow, EventRow, GenerateOptions, PersonRow } from './types';

export const DAY_MS = 86_400_000;
/** Sessions start at least this long before `now`, so no event lands in the future. */
export const SESSION_END_MARGIN_MS = 3 * 3_600_000;
const MAX_SESSION_EVENTS = 40;

/** Share of the events for each team: the first gets 70%, the others split the rest. */
export function teamEventCounts(total: number, teams: number): number[] {
  if (teams === 1) return [total];
  const first = Math.round(total * 0.7);
  const rest = total - first;
  return [first, ...Array.from({ length: teams - 1 }, (_, i) => Math.floor(rest / (teams - 1)) + (i < rest % (teams - 1) ? 1 : 0))];
}

export function siteHost(teamIndex: number): string {
  return teamIndex === 0 ? 'hedgebox.net' : `app${teamIndex + 1}.hedgebox.net`;
}

/** Hour-of-day weights: busier during (UTC) working hours. */
function sessionStart(rng: Rng, fromMs: number, toMs: number): number {
  for (let tries = 0; tries < 4; tries++) {
    const ms = fromMs + rng.next() * (toMs - fromMs);
    const hour = new Date(ms).getUTCHours();
    const weekday = new Date(ms).getUTCDay() % 6 !== 0;
    const w = (hour >= 8 && hour <= 19 ? 1 : 0.35) * (weekday ? 1 : 0.6);
    if (rng.next() < w) return Math.floor(ms);
  }
  return Math.floor(fromMs + rng.next() * (toMs - fromMs));
}

function pickWeighted(rng: Rng, cumulative: Float64Array, people: SimPerson[]): SimPerson {
  const x = rng.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return people[lo];
}

function teamEvents(rng: Rng, site: TeamSite, people: SimPerson[], count: number, startMs: number, nowMs: number): EventRow[] {
  const out: EventRow[] = [];
  const cumulative = new Float64Array(people.length);
  let acc = 0;
  people.forEach((p, i) => (cumulative[i] = acc += p.weight));
  const latest = nowMs - SESSION_END_MARGIN_MS;
  while (out.length < count) {
    const person = pickWeighted(rng, cumulative, people);
    const from = Math.max(startMs, person.createdMs);
    const budget = Math.min(count - out.length, 1 + Math.min(MAX_SESSION_EVENTS - 1, rng.geometric(7)));
    generateSession(rng, site, person, sessionStart(rng, from, Math.max(from + 1, latest)), budget, out);
  }
  return out;
}

export function generateDataset(opts: GenerateOptions): Dataset {
  const rng = new Rng(opts.seed);
  const nowMs = opts.now.getTime();
  const startMs = nowMs - opts.days * DAY_MS;
  const counts = teamEventCounts(opts.events, opts.teamIds.length);
  const persons: PersonRow[] = [];
  const distinctIds: DistinctIdRow[] = [];
  const events: EventRow[] = [];
  const cohorts: CohortRow[] = [];
  opts.teamIds.forEach((teamId, i) => {
    const teamRng = new Rng(opts.seed * 1000 + i + 1);
    const personCount = Math.max(20, Math.round(counts[i] / 25));
    const { people, distinctIds: ids } = generatePersons(teamRng, teamId, personCount, startMs, nowMs, opts.days);
    const evs = teamEvents(teamRng, { teamId, host: siteHost(i) }, people, counts[i], startMs, nowMs);
    const teamPersons = people.map((p) => p.row);
    persons.push(...teamPersons);
    distinctIds.push(...ids);
    for (const e of evs) events.push(e);
    cohorts.push(...generateCohorts(teamRng, teamId, cohorts.length + 1, teamPersons, eventCounts(teamId, evs)));
  });
  void rng;
  return { persons, distinctIds, events, cohorts, cohortPeople: cohortPeopleRows(cohorts) };
}
