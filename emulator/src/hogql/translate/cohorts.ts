/**
 * `x IN COHORT 5` / `x NOT IN COHORT 'name'`, after PostHog's cohort() resolution
 * (posthog/hogql/functions/cohort.py, transforms/in_cohort.py, subquery mode): an id or a name of a
 * cohort of the project becomes a subquery on its members (`cohort_people`); the messages for
 * unknown, ambiguous and badly typed cohorts are PostHog's. A name lookup adds PostHog's notice
 * suggesting the numeric id.
 */
import { span, type Node } from '../ast';
import { queryError } from '../errors';
import type { Printed, Scope, TranslateContext } from './context';
import { printExpr } from './expr';

function resolveCohort(arg: Node, ctx: TranslateContext): number {
  const where = span(arg);
  const value = arg.node === 'Constant' ? arg.value : undefined;
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (ctx.cohorts.some((c) => c.id === value)) return value;
    throw queryError(`Could not find cohort with id ${value}`, where);
  }
  if (typeof value === 'string') {
    const matches = ctx.cohorts.filter((c) => c.name === value);
    if (matches.length > 1) throw queryError(`Found multiple cohorts with name '${value}'`, where);
    if (matches.length === 0) throw queryError(`Could not find a cohort with the name '${value}'`, where);
    const id = matches[0].id;
    if (where.start !== undefined && where.end !== undefined) {
      ctx.propertyNotices.push({ start: where.start, end: where.end, message: `Searching for cohort by name. Replace with numeric ID ${id} to protect against renaming.`, fix: String(id) });
    }
    return id;
  }
  throw queryError('cohort() takes exactly one string or integer argument', where);
}

export function printInCohort(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const cohortId = resolveCohort(node.right, ctx);
  const left = printExpr(node.left, scope, ctx);
  const members =
    `(SELECT \`cohort_people\`.\`person_id\` AS \`person_id\` FROM \`cohort_people\` ` +
    `WHERE and(equals(\`cohort_people\`.\`team_id\`, ${ctx.teamId}), equals(\`cohort_people\`.\`cohort_id\`, ${cohortId})))`;
  const fn = node.op === 'not in cohort' ? 'notIn' : 'in';
  return { sql: `${fn}(${left.sql}, ${members})`, kind: 'boolean', nullable: false, aggregate: left.aggregate };
}
