/** Shared helpers for seeded REST objects. */
import type { Rng } from '../prng';

export interface SeedUser {
  id: number;
  uuid: string;
  distinct_id: string;
  first_name: string;
  last_name: string;
  email: string;
  is_email_verified: boolean;
}

export interface SeedContext {
  rng: Rng;
  nowMs: number;
  teamId: number;
  teamIndex: number;
  user: SeedUser;
}

export const DAY = 86_400_000;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A time `daysAgo` (plus some jitter) before now. */
export function ago(c: SeedContext, daysAgo: number): string {
  return iso(c.nowMs - daysAgo * DAY - Math.floor(c.rng.next() * 3_600_000 * 8));
}

export function shortId(c: SeedContext): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 8; i++) s += chars[Math.floor(c.rng.next() * chars.length)];
  return s;
}
