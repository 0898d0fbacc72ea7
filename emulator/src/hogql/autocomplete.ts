/**
 * HogQLAutocomplete, a reduced form of PostHog's posthog/hogql/autocomplete.py: tables after
 * FROM/JOIN, property names after `properties.` / `person.properties.`, otherwise the fields of
 * the tables named in the query plus HogQL functions, filtered by the word at the cursor.
 * `startPosition`/`endPosition` are code-point offsets (Python string indices), like PostHog.
 */
import { ALL_FUNCTION_NAMES, findFunction } from './functions';
import { own, TABLES } from './schema';
import type { AutocompleteItem, HogQLAutocompleteRequest, HogQLAutocompleteResponse, HogQLContextInfo } from './types';

const MAX_SUGGESTIONS = 200;

function prefixAt(query: string, codePoint: number): string {
  return Array.from(query).slice(0, Math.max(0, codePoint)).join('');
}

export async function runHogQLAutocomplete(node: HogQLAutocompleteRequest, ctx: HogQLContextInfo): Promise<HogQLAutocompleteResponse> {
  const before = prefixAt(node.query, node.startPosition);
  const word = /[A-Za-z0-9_$]*$/.exec(before)?.[0] ?? '';
  const head = before.slice(0, before.length - word.length);
  const matches = (label: string) => label.toLowerCase().startsWith(word.toLowerCase());
  let suggestions: AutocompleteItem[] = [];

  if (/\b(from|join)\s+$/i.test(head)) {
    suggestions = Object.keys(TABLES).filter(matches).map((t) => ({ label: t, insertText: t, kind: 'Folder', detail: 'Table' }));
  } else if (/\bperson\.properties\.$/.test(head) || /\bproperties\.$/.test(head)) {
    const names = /\bperson\.properties\.$/.test(head) ? ctx.propertyNames?.person : ctx.propertyNames?.event;
    suggestions = (names ?? []).filter(matches).map((name) => ({ label: name, insertText: name, kind: 'Property', detail: 'Property' }));
  } else if (!head.endsWith('.')) {
    const tables = new Set<string>();
    for (const m of node.query.matchAll(/\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) if (own(TABLES, m[1])) tables.add(m[1]);
    if (tables.size === 0 && node.language === 'hogQLExpr') tables.add('events');
    for (const table of tables) {
      for (const [name, def] of Object.entries(TABLES[table].fields)) {
        if (def.kind === 'unsupported' || !matches(name)) continue;
        suggestions.push({ label: name, insertText: name, kind: def.kind === 'virtual' || def.kind === 'lazy' ? 'Folder' : 'Variable', detail: table });
      }
    }
    for (const name of ALL_FUNCTION_NAMES) {
      const meta = findFunction(name);
      if (!meta || (meta.kind !== 'clickhouse' && meta.kind !== 'aggregate') || !matches(name)) continue;
      suggestions.push({ label: name, insertText: `${name}()`, kind: 'Function', detail: meta.kind === 'aggregate' ? 'Aggregation' : 'Function' });
    }
  }
  const incomplete = suggestions.length > MAX_SUGGESTIONS;
  return { suggestions: suggestions.slice(0, MAX_SUGGESTIONS), incomplete_list: incomplete };
}
