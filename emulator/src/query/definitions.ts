/**
 * Event and property definitions derived from the data (PostHog keeps them in Postgres, filled by
 * ingestion; here they are computed from ClickHouse and refreshed after captures).
 */
import { createHash } from 'node:crypto';
import type { ChildEngine } from '../engine/engine';
import { parseCompact, sqlInt } from './sql';

export interface EventDefinition {
  id: string;
  name: string;
  owner: null;
  description: string | null;
  tags: string[];
  created_at: string | null;
  last_seen_at: string | null;
  last_updated_at: string | null;
  verified: boolean;
  verified_at: null;
  verified_by: null;
  is_action: boolean;
  post_to_slack: boolean;
  default_columns: string[];
  media_preview_urls: string[];
}

export interface PropertyDefinition {
  id: string;
  name: string;
  description: string | null;
  tags: string[];
  is_numerical: boolean;
  property_type: 'String' | 'Numeric' | 'Boolean' | 'DateTime' | null;
  /** 1 = event, 2 = person (PostHog PropertyDefinition.Type). */
  type: number;
  is_seen_on_filtered_events: boolean | null;
  /** Internal: events this property was seen on. */
  _events: string[];
}

interface TeamDefs {
  events: EventDefinition[];
  eventProps: PropertyDefinition[];
  personProps: PropertyDefinition[];
}

function uuidFrom(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const isoOf = (ch: unknown): string | null => (ch ? `${String(ch).replace(' ', 'T')}Z` : null);

function propertyType(n: number, nums: number, bools: number, strs: number, dates: number): PropertyDefinition['property_type'] {
  if (n === 0) return null;
  if (nums === n) return 'Numeric';
  if (bools === n) return 'Boolean';
  if (dates > 0 && dates === strs && strs === n) return 'DateTime';
  if (strs > 0) return 'String';
  return null;
}

const PROP_SQL = (table: 'events' | 'persons', teamId: number) => `
SELECT kv.1 AS key,
  count() AS n,
  countIf(match(kv.2, '^-?[0-9]')) AS nums,
  countIf(kv.2 IN ('true', 'false')) AS bools,
  countIf(startsWith(kv.2, '"')) AS strs,
  countIf(match(kv.2, '^"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:')) AS dates,
  ${table === 'events' ? 'groupUniqArray(200)(event)' : '[]'} AS evs
FROM ${table} ARRAY JOIN JSONExtractKeysAndValuesRaw(properties) AS kv
WHERE team_id = ${sqlInt(teamId)} AND kv.2 != 'null'
GROUP BY key ORDER BY key`;

export class Definitions {
  private readonly cache = new Map<number, Promise<TeamDefs>>();

  constructor(private readonly engine: ChildEngine) {}

  invalidate(teamId?: number): void {
    if (teamId === undefined) this.cache.clear();
    else this.cache.delete(teamId);
  }

  get(teamId: number): Promise<TeamDefs> {
    let p = this.cache.get(teamId);
    if (!p) {
      p = this.compute(teamId);
      p.catch(() => this.cache.delete(teamId));
      this.cache.set(teamId, p);
    }
    return p;
  }

  private async q(sql: string): Promise<unknown[][]> {
    const r = await this.engine.query(sql, { queryId: `internal-definitions-${Date.now()}` });
    return parseCompact(r.text).data;
  }

  private props(rows: unknown[][], teamId: number, type: number): PropertyDefinition[] {
    return rows.map((r) => {
      const [key, n, nums, bools, strs, dates, evs] = [String(r[0]), Number(r[1]), Number(r[2]), Number(r[3]), Number(r[4]), Number(r[5]), r[6] as string[]];
      const pt = propertyType(n, nums, bools, strs, dates);
      return { id: uuidFrom(`${teamId}:${type}:${key}`), name: key, description: null, tags: [], is_numerical: pt === 'Numeric', property_type: pt, type, is_seen_on_filtered_events: null, _events: evs };
    });
  }

  private async compute(teamId: number): Promise<TeamDefs> {
    const evRows = await this.q(`SELECT event, min(timestamp), max(timestamp) FROM events WHERE team_id = ${sqlInt(teamId)} GROUP BY event ORDER BY event`);
    const events: EventDefinition[] = evRows.map((r) => ({
      id: uuidFrom(`${teamId}:event:${String(r[0])}`),
      name: String(r[0]),
      owner: null,
      description: null,
      tags: [],
      created_at: isoOf(r[1]),
      last_seen_at: isoOf(r[2]),
      last_updated_at: isoOf(r[1]),
      verified: false,
      verified_at: null,
      verified_by: null,
      is_action: false,
      post_to_slack: false,
      default_columns: [],
      media_preview_urls: [],
    }));
    const eventProps = this.props(await this.q(PROP_SQL('events', teamId)), teamId, 1);
    const personProps = this.props(await this.q(PROP_SQL('persons', teamId)), teamId, 2);
    return { events, eventProps, personProps };
  }
}
