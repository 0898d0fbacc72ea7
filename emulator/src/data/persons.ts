/** Seeded persons with their devices and distinct ids. */
import type { Rng } from './prng';
import type { DistinctIdRow, PersonRow } from './types';
import { COMPANIES, COUNTRIES, DEVICE_TEMPLATES, FIRST_NAMES, FREE_MAIL, LAST_NAMES, PLANS, REFERRERS, UTM, type Device } from './vocab';

const COUNTRY_WEIGHTS = COUNTRIES.map((c) => [c, c[2]] as const);

export interface SimDevice extends Device {
  anonId: string;
}

export interface SimPerson {
  row: PersonRow;
  /** The identified user's distinct id (email or user id); null for anonymous persons. */
  userId: string | null;
  devices: SimDevice[];
  country: readonly [string, string, number];
  createdMs: number;
  weight: number;
  signedUp: boolean;
  identifySent: boolean;
}

function device(rng: Rng, atMs: number): SimDevice {
  const t = rng.weighted(DEVICE_TEMPLATES);
  const browserVersion = t.browser === 'Safari' || t.browser === 'Mobile Safari' ? 17 : rng.int(118, 126);
  return { ...t, browserVersion, anonId: rng.uuid7(atMs) };
}

function personProperties(rng: Rng, identified: boolean, i: number, dev: SimDevice, country: readonly [string, string, number]): Record<string, unknown> {
  const referrer = rng.weighted(REFERRERS);
  const utm = rng.chance(0.2) ? rng.pick(UTM) : null;
  const props: Record<string, unknown> = {
    $initial_browser: dev.browser || null,
    $initial_os: dev.os,
    $initial_device_type: dev.deviceType,
    $initial_referring_domain: referrer,
    $initial_current_url: `https://hedgebox.net${rng.pick(['/', '/pricing', '/blog/secure-sharing', '/features'])}`,
    $initial_geoip_country_code: country[0],
    $initial_utm_source: utm ? utm[0] : null,
    $geoip_country_code: country[0],
    $geoip_city_name: country[1],
  };
  if (identified) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const work = rng.chance(0.7);
    const [company, domain] = work ? rng.pick(COMPANIES) : [null, rng.pick(FREE_MAIL)];
    const local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
    props.email = `${local}${i}@${domain}`;
    props.name = `${first} ${last}`;
    props.plan = rng.weighted(PLANS);
    props.company = company;
    props.is_test_user = false;
  }
  return props;
}

export function generatePersons(rng: Rng, teamId: number, count: number, startMs: number, nowMs: number, days: number): { people: SimPerson[]; distinctIds: DistinctIdRow[] } {
  const people: SimPerson[] = [];
  const distinctIds: DistinctIdRow[] = [];
  const spanMs = nowMs - startMs;
  for (let i = 0; i < count; i++) {
    const identified = rng.chance(0.65);
    // 40% existed before the window; the rest appear during it (not in its last 4 hours).
    const createdMs = rng.chance(0.4) ? startMs - rng.next() * days * 86_400_000 : startMs + rng.next() * (spanMs - 4 * 3_600_000);
    const country = rng.weighted(COUNTRY_WEIGHTS);
    const devices = [device(rng, createdMs)];
    if (identified && rng.chance(0.35)) devices.push(device(rng, createdMs + 60_000));
    const props = personProperties(rng, identified, i, devices[0], country);
    const id = rng.uuid4();
    const userId = identified ? (rng.chance(0.6) ? String(props.email) : `user_${teamId}_${i}`) : null;
    const row: PersonRow = {
      id,
      team_id: teamId,
      properties: props,
      created_at: new Date(createdMs).toISOString(),
      is_identified: identified ? 1 : 0,
      version: 0,
      is_deleted: 0,
    };
    for (const d of devices) distinctIds.push({ team_id: teamId, distinct_id: d.anonId, person_id: id, version: 0, is_deleted: 0 });
    if (userId) distinctIds.push({ team_id: teamId, distinct_id: userId, person_id: id, version: 0, is_deleted: 0 });
    // Power-law activity: a few heavy users, a long tail.
    const weight = 1 / Math.pow(1 + rng.next() * 40, 1.3);
    people.push({ row, userId, devices, country, createdMs, weight, signedUp: false, identifySent: false });
  }
  return { people, distinctIds };
}
