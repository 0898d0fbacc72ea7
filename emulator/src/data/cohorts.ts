/** Cohorts derived from the generated persons, with their members (the `cohort_people` rows). */
import type { Rng } from './prng';
import type { CohortPeopleRow, CohortRow, EventRow, PersonRow } from './types';

/** Events per person of one team. */
export function eventCounts(teamId: number, events: EventRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) if (e.team_id === teamId) counts.set(e.person_id, (counts.get(e.person_id) ?? 0) + 1);
  return counts;
}

export function generateCohorts(rng: Rng, teamId: number, firstId: number, persons: PersonRow[], counts: Map<string, number>): CohortRow[] {
  const paying = persons.filter((p) => p.properties.plan === 'pro' || p.properties.plan === 'enterprise').map((p) => p.id);
  const enterprise = persons.filter((p) => p.properties.plan === 'enterprise').map((p) => p.id);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const power = ranked.slice(0, Math.max(1, Math.floor(ranked.length / 10)));
  const threshold = power[power.length - 1]?.[1] ?? 0;
  const identified = persons.filter((p) => p.is_identified === 1);
  const beta = new Set<string>();
  while (beta.size < Math.min(25, identified.length)) beta.add(rng.pick(identified).id);
  const prop = (key: string, value: unknown, operator = 'exact') => ({ type: 'person', key, value, operator });
  return [
    {
      id: firstId,
      team_id: teamId,
      name: 'Paying customers',
      description: 'Persons on the pro or enterprise plan',
      is_static: false,
      filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [prop('plan', ['pro', 'enterprise'])] }] } },
      person_ids: paying,
    },
    {
      id: firstId + 1,
      team_id: teamId,
      name: 'Power users',
      description: `Top 10% by event count (at least ${threshold} events)`,
      is_static: false,
      filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [{ type: 'behavioral', key: '$pageview', value: 'performed_event_multiple', operator: 'gte', operator_value: threshold, time_value: 30, time_interval: 'day' }] }] } },
      person_ids: power.map(([id]) => id),
    },
    {
      id: firstId + 2,
      team_id: teamId,
      name: 'Beta testers',
      description: 'Static list uploaded from a CSV',
      is_static: true,
      filters: null,
      person_ids: [...beta].sort(),
    },
    {
      id: firstId + 3,
      team_id: teamId,
      name: 'Enterprise <EU> & "VIP" accounts',
      description: 'Enterprise plan <script>alert(1)</script>',
      is_static: false,
      filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [prop('plan', ['enterprise'])] }] } },
      person_ids: enterprise,
    },
  ];
}

export function cohortPeopleRows(cohorts: CohortRow[]): CohortPeopleRow[] {
  return cohorts.flatMap((c) => c.person_ids.map((person_id) => ({ team_id: c.team_id, cohort_id: c.id, person_id, version: 0 })));
}

/** Members of the static cohorts, as rows of `person_static_cohort`. */
export function staticCohortRows(cohorts: CohortRow[]): { person_id: string; cohort_id: number; team_id: number }[] {
  return cohorts.filter((c) => c.is_static).flatMap((c) => c.person_ids.map((person_id) => ({ person_id, cohort_id: c.id, team_id: c.team_id })));
}
