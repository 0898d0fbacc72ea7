/**
 * Date parsing for `{filters}` date ranges, after PostHog's `relative_date_parse`
 * (posthog/utils.py): `-7d`, `-24h`, `-2w`, `-1m`, `-1q`, `-1y`, `-30M` (minutes), `-10s`, with an
 * optional `Start`/`End` suffix, relative to now; ISO dates/datetimes without a zone are read
 * in the project timezone.
 */

/** Offset of `zone` from UTC at the instant `utcMs`, in minutes. */
function zoneOffsetMinutes(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** UTC milliseconds of a wall-clock time in `zone`. */
export function wallTimeToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let utc = guess - zoneOffsetMinutes(guess, zone) * 60000;
  utc = guess - zoneOffsetMinutes(utc, zone) * 60000;
  return utc;
}

/** Wall-clock fields of a UTC instant in `zone`. */
function wallFields(utcMs: number, zone: string) {
  const local = new Date(utcMs + zoneOffsetMinutes(utcMs, zone) * 60000);
  return {
    y: local.getUTCFullYear(), mo: local.getUTCMonth() + 1, d: local.getUTCDate(),
    h: local.getUTCHours(), mi: local.getUTCMinutes(), s: local.getUTCSeconds(), ms: local.getUTCMilliseconds(),
  };
}

const RELATIVE = /^-?(\d+)?([hdwmqysM])(Start|End)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parse a date_from/date_to value into UTC milliseconds, or null if it is not understood. */
export function parseRelativeDate(input: string, zone: string, nowMs: number = Date.now()): number | null {
  const iso = ISO.exec(input.trim());
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', tz] = iso;
    const ms = Number(frac.padEnd(6, '0').slice(0, 3));
    if (tz) {
      const base = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
      if (tz === 'Z') return base;
      const sign = tz[0] === '-' ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      return base - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return wallTimeToUtc(+y, +mo, +d, +h, +mi, +s, ms, zone);
  }
  const rel = RELATIVE.exec(input.trim());
  if (!rel) return null;
  const n = rel[1] ? Number(rel[1]) : 0;
  const w = wallFields(nowMs, zone);
  switch (rel[2]) {
    case 'h': w.h -= n; break;
    case 'd': w.d -= n; break;
    case 'w': w.d -= 7 * n; break;
    case 'm': w.mo -= n; break;
    case 'q': w.mo -= 3 * n; break;
    case 'y': w.y -= n; break;
    case 'M': w.mi -= n; break;
    case 's': w.s -= n; break;
  }
  if (rel[3]) {
    const end = rel[3] === 'End';
    const unit = rel[2];
    if (unit === 'h') [w.mi, w.s, w.ms] = end ? [59, 59, 999] : [0, 0, 0];
    else {
      [w.h, w.mi, w.s, w.ms] = end ? [23, 59, 59, 999] : [0, 0, 0, 0];
      if (unit === 'm' || unit === 'q' || unit === 'y') w.d = 1;
      if (unit === 'y') w.mo = 1;
    }
  }
  // Normalise overflowing fields through Date.UTC, then read them as wall time in the zone.
  const norm = new Date(Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms));
  return wallTimeToUtc(norm.getUTCFullYear(), norm.getUTCMonth() + 1, norm.getUTCDate(), norm.getUTCHours(),
    norm.getUTCMinutes(), norm.getUTCSeconds(), norm.getUTCMilliseconds(), zone);
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` in UTC. */
export function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}
