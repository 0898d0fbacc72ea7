/**
 * SQL variables ("insight variables"), after PostHog's posthog/api/insight_variable.py (newest copy
 * read 2026-12: fields, code_name rule, List coercion) and the InsightVariable model
 * (types String, Number, Boolean, List, Date). Seeded per project from their own Rng, so adding
 * them changes no other seeded object.
 */
import { Rng } from '../prng';
import type { Rec } from '../../state/store';
import { DAY, iso, type SeedContext } from './common';

export const VARIABLE_TYPES = ['String', 'Number', 'Boolean', 'List', 'Date'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** PostHog's code_name: alphanumerics, spaces and `_` kept, spaces → `_`, lowercased ("Event Names" → `event_names`). */
export function codeNameOf(name: string): string {
  return Array.from(name)
    .filter((ch) => /[\p{L}\p{N}_ ]/u.test(ch))
    .join('')
    .replace(/ /g, '_')
    .toLowerCase();
}

/** `_scalar_to_str`: a scalar as text (`true`/`false` lowercase), or null for anything else. */
export function scalarToStr(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : pyFloat(value);
  return null;
}

/** Python's str() of a float: `1.0`, `0.5`. */
function pyFloat(n: number): string {
  if (Number.isInteger(n)) return `${n}.0`;
  return String(n);
}

/** `_coerce_list_value_lenient`: option-shaped objects use value/label, scalars stringify, null drops, else JSON. */
export function coerceLenient(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const scalar = scalarToStr(value);
  if (scalar !== null) return scalar;
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const key of ['value', 'label']) {
      const inner = scalarToStr((value as Record<string, unknown>)[key]);
      if (inner !== null) return inner;
    }
  }
  return JSON.stringify(value);
}

export interface VariableSeed {
  name: string;
  type: VariableType;
  default_value: unknown;
  values?: string[];
}

export function makeVariable(teamId: number, id: string, userId: number, createdAt: string, v: VariableSeed): Rec {
  const isList = v.type === 'List';
  return {
    id,
    _team_id: teamId,
    name: v.name,
    type: v.type,
    default_value: v.default_value,
    created_by: userId,
    created_at: createdAt,
    code_name: codeNameOf(v.name),
    values: isList ? (v.values ?? []) : null,
    is_multi: false,
    values_query: null,
    values_query_connection_id: null,
  };
}

/** Five variables, one per type, over the sample events' fields. */
export function seedVariables(c: SeedContext): Rec[] {
  const rng = new Rng(9_173 + c.teamId);
  const day = (n: number) => iso(c.nowMs - n * DAY).slice(0, 10);
  const seeds: VariableSeed[] = [
    { name: 'Event Name', type: 'List', default_value: '$pageview', values: ['$pageview', '$autocapture', '$pageleave', 'file uploaded', 'purchase'] },
    { name: 'Browser', type: 'String', default_value: 'Chrome' },
    { name: 'Min Screen Width', type: 'Number', default_value: 1400 },
    { name: 'Only Mobile', type: 'Boolean', default_value: false },
    { name: 'Start Date', type: 'Date', default_value: day(7) },
  ];
  return seeds.map((s, i) => makeVariable(c.teamId, rng.uuid4(), c.user.id, iso(c.nowMs - (40 - i) * DAY), s));
}
