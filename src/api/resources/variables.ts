/**
 * SQL variables ("insight variables", `{variables.code_name}` in HogQL): list and get.
 *
 * Facts (PostHog/posthog posthog/api/insight_variable.py, newest copy read 2026-12, and
 * posthog/api/__init__.py): `…/insight_variables/` is a ModelViewSet under `/api/projects/:id/`
 * (and `/api/environments/:id/`), scope object `insight_variable`, DRF PageNumberPagination with
 * page_size 500 (`?page=N`; `limit`/`offset` are ignored and the absolute `next` link is followed).
 * Fields: `id` (uuid), `name`, `type` (String | Number | Boolean | List | Date; Date is newer),
 * `default_value` (any JSON), `code_name` (computed once from the name at create), `values` (List
 * only, strings), `is_multi` (newer; then `default_value` is a string list), `created_by` (user id),
 * `created_at`.
 */
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { optBool, optText, reqText, strId, textList } from '../schema/lenient';
import { ProjectResource } from './base';

export const VARIABLE_TYPES = ['String', 'Number', 'Boolean', 'List', 'Date'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const InsightVariableSchema = v.looseObject({
  id: strId,
  name: reqText('name'),
  /** An unknown type (a newer server) is kept as text; pickers treat it as String. */
  type: reqText('type', 'String'),
  /** A variable without a code name cannot be referenced, so it is unusable. */
  code_name: v.pipe(v.string(), v.minLength(1)),
  default_value: v.optional(v.unknown()),
  values: textList('values'),
  is_multi: optBool('is_multi'),
  created_at: optText('created_at'),
});
export type InsightVariable = v.InferOutput<typeof InsightVariableSchema>;

export class InsightVariables extends ProjectResource<InsightVariable> {
  protected readonly segment = 'insight_variables';
  protected readonly item: ItemSpec<InsightVariable> = { resource: 'SQL variable', schema: InsightVariableSchema };
}

/** The known variable type of `x`, or String for anything else. */
export function variableType(x: InsightVariable): VariableType {
  return (VARIABLE_TYPES as readonly string[]).includes(x.type) ? (x.type as VariableType) : 'String';
}
