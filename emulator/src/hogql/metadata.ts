/**
 * HogQLMetadata: validate a query without running it (PostHog's posthog/hogql/metadata.py):
 * parse, replace placeholders, translate; failures become `errors` with `start`/`end`.
 * Offsets count Unicode code points, i.e. Python string indices as PostHog reports them (text
 * after an emoji is one lower than the JavaScript UTF-16 index).
 */
import type { Node } from './ast';
import { HogQLError } from './errors';
import { parseHogQL } from './parse';
import { hasPlaceholders, replacePlaceholders } from './placeholders';
import { parseViews } from './runner';
import { translate } from './translate';
import type { HogQLContextInfo, HogQLMetadataRequest, HogQLMetadataResponse, HogQLNotice } from './types';

function tableNames(node: unknown, ctes = new Set<string>(), out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) tableNames(item, ctes, out);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const n = node as Node;
  if (n.node === 'SelectQuery') for (const cte of n.ctes ?? []) ctes.add(cte.name);
  if (n.node === 'JoinExpr' && n.table?.node === 'Field') {
    const name = n.table.chain.join('.');
    if (!ctes.has(name)) out.add(name);
  }
  for (const [key, value] of Object.entries(n)) if (key !== 'start' && key !== 'end') tableNames(value, ctes, out);
  return out;
}

function notice(err: unknown): HogQLNotice {
  if (err instanceof HogQLError) {
    const out: HogQLNotice = { message: err.message };
    if (err.start !== undefined) out.start = err.start;
    if (err.end !== undefined) out.end = err.end;
    if (err.fix !== undefined) out.fix = err.fix;
    return out;
  }
  return { message: String((err as Error)?.message ?? err) };
}

async function selectFor(node: HogQLMetadataRequest): Promise<Node> {
  if (node.language === 'hogQL') return parseHogQL(node.query, 'select');
  if (node.language === 'hogQLExpr') {
    const expr = await parseHogQL(node.query, 'expr');
    const source = node.sourceQuery as { kind?: string; query?: string } | undefined;
    if (source && source.kind === 'HogQLQuery' && typeof source.query === 'string') {
      const select = await parseHogQL(source.query, 'select');
      if (select.node === 'SelectQuery') return { ...select, select: [expr] };
    }
    return { node: 'SelectQuery', select: [expr], select_from: { node: 'JoinExpr', table: { node: 'Field', chain: ['events'] } } };
  }
  throw new HogQLError('hogql_error', `Metadata for the language '${node.language}' is not supported by the PostHog emulator`);
}

export async function runHogQLMetadata(node: HogQLMetadataRequest, ctx: HogQLContextInfo): Promise<HogQLMetadataResponse> {
  const response: HogQLMetadataResponse = { query: node.query, isValid: true, errors: [], warnings: [], notices: [], table_names: [] };
  try {
    let ast = await selectFor(node);
    response.table_names = [...tableNames(ast)];
    if (hasPlaceholders(ast)) {
      ast = replacePlaceholders(ast, { filters: node.filters, variables: node.variables, insightVariables: ctx.insightVariables, resolveVariables: true, timezone: ctx.timezone });
    }
    response.notices = translate(ast, ctx.teamId, ctx.timezone, ctx.propertyTypes, ctx.cohorts, await parseViews(ctx.views)).notices;
  } catch (err) {
    if (!(err instanceof HogQLError)) throw err;
    response.errors.push(notice(err));
    response.isValid = false;
  }
  return response;
}
