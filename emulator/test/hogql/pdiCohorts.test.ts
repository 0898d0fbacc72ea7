/** events.pdi, the cohort_people table and IN COHORT (posthog/hogql/database/schema/*, transforms/in_cohort.py). */
import assert from 'node:assert/strict';
import { RawNumber } from '../../src/hogql';
import { rejection, run, testEngine } from './support/fixture';

const num = (cell: unknown): number => Number(cell instanceof RawNumber ? cell.digits : cell);

describe('HogQL pdi, cohort_people and IN COHORT', function () {
  this.timeout(60_000);
  let cohorts: { id: number; name: string; is_static: boolean }[];
  let cohortId: number;

  before(() => {
    const rows = JSON.parse(testEngine().raw('SELECT cohort_id, count() FROM cohort_people WHERE team_id = 1 GROUP BY cohort_id ORDER BY cohort_id')).data as [string, string][];
    cohortId = Number(rows[0][0]);
    cohorts = [
      { id: cohortId, name: 'Paying customers', is_static: false },
      { id: cohortId + 1, name: 'Twins', is_static: false },
      { id: cohortId + 2, name: 'Twins', is_static: true },
    ];
  });

  it('events.pdi is an INNER JOIN on distinct_id to person_distinct_ids (and on to persons)', async () => {
    const r = await run('SELECT pdi.distinct_id, pdi.person_id, pdi.person.id FROM events LIMIT 3');
    assert.match(r.clickhouse, /INNER JOIN \(SELECT .* AS `events__pdi` ON equals\(`events`\.`distinct_id`, `events__pdi`\.`distinct_id`\)/);
    for (const [distinctId, personId, joinedPersonId] of r.results) {
      assert.equal(typeof distinctId, 'string');
      assert.equal(personId, joinedPersonId);
    }
    const direct = JSON.parse(testEngine().raw(
      'SELECT count() FROM events e INNER JOIN (SELECT distinct_id, argMax(person_id, version) AS person_id FROM person_distinct_ids WHERE team_id = 1 GROUP BY distinct_id HAVING argMax(is_deleted, version) = 0) p ON e.distinct_id = p.distinct_id WHERE e.team_id = 1',
    )).data[0][0];
    assert.equal(num((await run('SELECT count() FROM events WHERE pdi.person_id IS NOT NULL')).results[0][0]), Number(direct));
  });

  it('serves cohort_people and answers IN COHORT by id and by name like a subquery on it', async () => {
    const members = await run(`SELECT count() FROM cohort_people WHERE cohort_id = ${cohortId}`, { cohorts });
    const expected = Number(JSON.parse(testEngine().raw(`SELECT count() FROM (SELECT DISTINCT person_id FROM cohort_people WHERE team_id = 1 AND cohort_id = ${cohortId})`)).data[0][0]);
    assert.equal(num(members.results[0][0]), expected);
    const byId = await run(`SELECT count(DISTINCT person_id) FROM events WHERE person_id IN COHORT ${cohortId}`, { cohorts });
    const byName = await run("SELECT count(DISTINCT person_id) FROM events WHERE person_id IN COHORT 'Paying customers'", { cohorts });
    const direct = Number(JSON.parse(testEngine().raw(
      `SELECT count(DISTINCT person_id) FROM events WHERE team_id = 1 AND person_id IN (SELECT person_id FROM cohort_people WHERE team_id = 1 AND cohort_id = ${cohortId})`,
    )).data[0][0]);
    assert.ok(direct > 0);
    assert.equal(num(byId.results[0][0]), direct);
    assert.equal(num(byName.results[0][0]), direct);
    const outside = await run(`SELECT count(DISTINCT person_id) FROM events WHERE person_id NOT IN COHORT ${cohortId}`, { cohorts });
    const all = await run('SELECT count(DISTINCT person_id) FROM events');
    assert.equal(num(outside.results[0][0]) + direct, num(all.results[0][0]));
  });

  it('refuses unknown or ambiguous cohorts with PostHog messages', async () => {
    assert.equal((await rejection("SELECT 1 FROM events WHERE person_id IN COHORT 'blabla'", { cohorts })).message, "Could not find a cohort with the name 'blabla'");
    assert.equal((await rejection("SELECT 1 FROM events WHERE person_id IN COHORT 'Twins'", { cohorts })).message, "Found multiple cohorts with name 'Twins'");
    assert.equal((await rejection('SELECT 1 FROM events WHERE person_id IN COHORT 999999', { cohorts })).message, 'Could not find cohort with id 999999');
    assert.equal((await rejection('SELECT 1 FROM events WHERE person_id IN COHORT true', { cohorts })).message, 'cohort() takes exactly one string or integer argument');
  });

  it('persons.pdi is a LEFT JOIN from persons.id to person_distinct_ids.person_id (posthog persons_pdi.py)', async () => {
    const r = await run('SELECT id, pdi.distinct_id, pdi.person_id FROM persons ORDER BY id, pdi.distinct_id LIMIT 10000');
    assert.match(r.clickhouse, /LEFT JOIN \(SELECT .* AS `persons__pdi` ON equals\(`persons`\.`id`, `persons__pdi`\.`person_id`\)/);
    const direct = Number(JSON.parse(testEngine().raw('SELECT count() FROM person_distinct_ids WHERE team_id = 1')).data[0][0]);
    assert.equal(r.results.length, direct);
    for (const [id, distinctId, personId] of r.results) {
      assert.equal(personId, id);
      assert.equal(typeof distinctId, 'string');
    }
  });

  it('serves static_cohort_people (person_id, cohort_id, team_id; person joins) for the static cohorts only', async () => {
    const r = await run('SELECT * FROM static_cohort_people ORDER BY cohort_id, person_id');
    assert.deepEqual(r.columns, ['person_id', 'cohort_id', 'team_id']);
    const direct = JSON.parse(testEngine().raw('SELECT cohort_id, count() FROM person_static_cohort WHERE team_id = 1 GROUP BY cohort_id')).data as [string, string][];
    assert.equal(direct.length, 1, 'one static cohort per team in the sample data');
    assert.equal(r.results.length, Number(direct[0][1]));
    assert.ok(r.results.length > 0);
    for (const row of r.results) assert.equal(num(row[2]), 1);
    const joined = await run('SELECT count() FROM static_cohort_people WHERE person.id = person_id');
    assert.equal(num(joined.results[0][0]), r.results.length);
  });
});
