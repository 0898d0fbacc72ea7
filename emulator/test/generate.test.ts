/** generateDataset: pure, deterministic, realistic shape. */
import assert from 'node:assert/strict';
import { generateDataset } from '../src/data/generate';

const opts = { seed: 11, events: 6000, days: 30, now: new Date('2025-06-01T12:00:00Z'), teamIds: [1, 2] };

describe('generateDataset', () => {
  const d = generateDataset(opts);

  it('is deterministic for a seed and differs across seeds', () => {
    assert.equal(JSON.stringify(generateDataset(opts)), JSON.stringify(d));
    assert.notEqual(JSON.stringify(generateDataset({ ...opts, seed: 12 }).events.slice(0, 50)), JSON.stringify(d.events.slice(0, 50)));
  });

  it('has exactly the requested events, split over both teams, inside [now - days, now)', () => {
    assert.equal(d.events.length, 6000);
    const t1 = d.events.filter((e) => e.team_id === 1).length;
    assert.equal(t1, 4200);
    assert.equal(d.events.filter((e) => e.team_id === 2).length, 1800);
    const from = opts.now.getTime() - 30 * 86_400_000;
    for (const e of d.events) {
      const t = Date.parse(e.timestamp);
      assert.ok(t >= from && t < opts.now.getTime(), e.timestamp);
      assert.match(e.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('links events to persons through distinct ids and carries person properties', () => {
    const pdi = new Map(d.distinctIds.map((x) => [`${x.team_id}:${x.distinct_id}`, x.person_id]));
    const persons = new Map(d.persons.map((p) => [p.id, p]));
    for (const e of d.events) {
      assert.equal(pdi.get(`${e.team_id}:${e.distinct_id}`), e.person_id);
      assert.deepEqual(e.person_properties, persons.get(e.person_id)!.properties);
      assert.equal(e.properties.$session_id, e.$session_id);
    }
    const identified = d.persons.filter((p) => p.is_identified === 1);
    assert.ok(identified.length > 0);
    const idsPer = (id: string) => d.distinctIds.filter((x) => x.person_id === id).length;
    assert.ok(identified.every((p) => idsPer(p.id) >= 2), 'identified persons have an anonymous and a user distinct id');
    assert.ok(identified.every((p) => typeof p.properties.email === 'string'));
  });

  it('has realistic events and properties', () => {
    const names = new Set(d.events.map((e) => e.event));
    for (const n of ['$pageview', '$autocapture', '$identify', '$pageleave', 'added to cart', 'purchase']) assert.ok(names.has(n), n);
    const purchase = d.events.find((e) => e.event === 'purchase')!;
    assert.equal(typeof purchase.properties.price, 'number');
    assert.equal(typeof purchase.properties.quantity, 'number');
    const pv = d.events.find((e) => e.event === '$pageview')!;
    for (const k of ['$browser', '$os', '$current_url', '$pathname', '$host', '$device_type', '$geoip_country_code', '$lib']) assert.ok(k in pv.properties, k);
    const sessions = new Map<string, number>();
    for (const e of d.events) sessions.set(e.$session_id, (sessions.get(e.$session_id) ?? 0) + 1);
    assert.ok([...sessions.values()].filter((n) => n > 3).length > 50, 'sessions of several events');
  });

  it('derives cohorts with members', () => {
    assert.equal(d.cohorts.length, 8);
    for (const c of d.cohorts) assert.equal(d.cohortPeople.filter((r) => r.cohort_id === c.id).length, c.person_ids.length);
    const paying = d.cohorts.find((c) => c.team_id === 1 && c.name === 'Paying customers')!;
    const expected = d.persons.filter((p) => p.team_id === 1 && ['pro', 'enterprise'].includes(String(p.properties.plan))).length;
    assert.equal(paying.person_ids.length, expected);
  });
});
