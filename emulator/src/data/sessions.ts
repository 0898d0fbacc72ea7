/** Seeded browsing sessions: page flows with autocapture, product events and page leaves. */
import type { Rng } from './prng';
import type { SimDevice, SimPerson } from './persons';
import type { EventRow } from './types';
import { CLICK_TARGETS, PAGES, PRODUCTS, REFERRERS, SCREENS, UTM } from './vocab';

const PAGE_WEIGHTS = PAGES.map((p) => [p, p[2]] as const);

export interface TeamSite {
  teamId: number;
  host: string;
}

interface SessionCtx {
  rng: Rng;
  site: TeamSite;
  person: SimPerson;
  device: SimDevice;
  distinctId: string;
  sessionId: string;
  windowId: string;
  base: Record<string, unknown>;
  out: EventRow[];
}

function emit(c: SessionCtx, event: string, ms: number, extra: Record<string, unknown>, elementsChain = ''): void {
  const ts = new Date(ms).toISOString();
  // Ingestion lag of a few seconds, like a real pipeline.
  const created = new Date(ms + 500 + Math.floor(c.rng.next() * 4000)).toISOString();
  c.out.push({
    uuid: c.rng.uuid7(ms),
    team_id: c.site.teamId,
    event,
    distinct_id: c.distinctId,
    properties: { ...c.base, ...extra },
    timestamp: ts,
    created_at: created,
    person_id: c.person.row.id,
    person_properties: c.person.row.properties,
    person_created_at: c.person.row.created_at,
    elements_chain: elementsChain,
    $session_id: c.sessionId,
    $window_id: c.windowId,
  });
}

function elementsChain(tag: string, text: string, nth: number): string {
  const cls = tag === 'button' ? 'btn.btn-primary' : tag === 'a' ? 'nav-link' : 'form-control';
  const attrClass = cls.replace(/\./g, ' ');
  const textPart = text ? `text="${text}"` : '';
  return `${tag}.${cls}:attr__class="${attrClass}"nth-child="${nth}"nth-of-type="1"${textPart};div.container:attr__class="container"nth-child="2"nth-of-type="1";body:nth-child="2"nth-of-type="1"`;
}

function pageProps(c: SessionCtx, path: string, title: string): Record<string, unknown> {
  return { $current_url: `https://${c.site.host}${path}`, $pathname: path, $host: c.site.host, $title: title };
}

function webSession(c: SessionCtx, startMs: number, budget: number): number {
  const { rng } = c;
  let ms = startMs;
  let n = 0;
  let page = rng.weighted(PAGE_WEIGHTS);
  let cart = 0;
  while (n < budget) {
    const [path, title] = page;
    const props = pageProps(c, path, title);
    emit(c, '$pageview', ms, props);
    n++;
    const clicks = Math.min(budget - n, rng.int(0, 2));
    for (let k = 0; k < clicks; k++) {
      ms += rng.int(2, 40) * 1000;
      const [tag, text] = rng.pick(CLICK_TARGETS);
      emit(c, '$autocapture', ms, { ...props, $event_type: tag === 'input' ? 'change' : 'click', ...(text ? { $el_text: text } : {}) }, elementsChain(tag, text, rng.int(1, 5)));
      n++;
    }
    if (n < budget && path === '/signup' && c.person.userId && !c.person.signedUp) {
      c.person.signedUp = true;
      emit(c, 'user signed up', (ms += 3000), { ...props, signup_method: rng.pick(['email', 'google', 'github']) });
      n++;
    }
    if (n < budget && path.startsWith('/products/') && rng.chance(0.5)) {
      const [product, price] = rng.pick(PRODUCTS);
      const quantity = rng.int(1, 3);
      cart += price * quantity;
      emit(c, 'added to cart', (ms += 4000), { ...props, product, price, quantity });
      n++;
    }
    if (n < budget && path === '/checkout' && rng.chance(0.6)) {
      const quantity = rng.int(1, 4);
      const [product, unit] = rng.pick(PRODUCTS);
      const price = cart > 0 ? Math.round(cart * 100) / 100 : unit * quantity;
      emit(c, 'purchase', (ms += 5000), { ...props, product, price, quantity, currency: 'USD', revenue: price });
      cart = 0;
      n++;
    }
    ms += rng.int(5, 90) * 1000;
    if (n < budget && rng.chance(0.25)) {
      emit(c, '$pageleave', ms, props);
      n++;
    }
    page = rng.weighted(PAGE_WEIGHTS);
  }
  return n;
}

function appSession(c: SessionCtx, startMs: number, budget: number): number {
  const { rng } = c;
  let ms = startMs;
  for (let n = 0; n < budget; n++) {
    const screen = rng.pick(SCREENS);
    if (n > 0 && rng.chance(0.2)) emit(c, 'file uploaded', ms, { $screen_name: screen, file_size_mb: Math.round(rng.next() * 5000) / 100 });
    else emit(c, '$screen', ms, { $screen_name: screen });
    ms += rng.int(3, 60) * 1000;
  }
  return budget;
}

/** One session of up to `budget` events for a person; returns how many events were emitted. */
export function generateSession(rng: Rng, site: TeamSite, person: SimPerson, startMs: number, budget: number, out: EventRow[]): number {
  const device = rng.pick(person.devices);
  const useUserId = person.userId !== null && (person.identifySent ? rng.chance(0.7) : false);
  const distinctId = useUserId ? person.userId! : device.anonId;
  const sessionId = rng.uuid7(startMs);
  const windowId = rng.uuid7(startMs);
  const referrer = rng.weighted(REFERRERS);
  const utm = rng.chance(0.25) ? rng.pick(UTM) : null;
  const base: Record<string, unknown> = {
    $os: device.os,
    $os_version: device.osVersion,
    $device_type: device.deviceType,
    $lib: device.lib,
    $lib_version: device.lib === 'web' ? '1.190.0' : '3.8.0',
    $device_id: device.anonId,
    $session_id: sessionId,
    $window_id: windowId,
    $geoip_country_code: person.country[0],
    $geoip_city_name: person.country[1],
    $screen_width: device.screenWidth,
    $screen_height: device.screenHeight,
  };
  if (device.lib === 'web') {
    base.$browser = device.browser;
    base.$browser_version = device.browserVersion;
    base.$referring_domain = referrer;
    base.$referrer = referrer === '$direct' ? '$direct' : `https://${referrer}/`;
    if (utm) Object.assign(base, { utm_source: utm[0], utm_medium: utm[1], utm_campaign: utm[2] });
  }
  const c: SessionCtx = { rng, site, person, device, distinctId, sessionId, windowId, base, out };
  let used = 0;
  if (person.userId !== null && !person.identifySent && budget > 1) {
    person.identifySent = true;
    c.distinctId = person.userId;
    emit(c, '$identify', startMs, { $anon_distinct_id: device.anonId });
    used = 1;
    startMs += 1000;
  }
  used += device.lib === 'web' ? webSession(c, startMs, budget - used) : appSession(c, startMs, budget - used);
  return used;
}
