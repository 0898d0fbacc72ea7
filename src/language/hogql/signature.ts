/**
 * Signature help as plain data: the label of the called function with real parameter names and
 * types, the offsets of each parameter in it, and which one the cursor is in — the `(0.9)` of
 * `quantile(0.9)(x)` included.
 */
import { signatureAt } from './completion';
import { functionDoc, signatureLabel, type FunctionDoc } from './functionDocs';
import type { ParseResult } from './parse';

export interface SignatureHelpInfo {
  label: string;
  /** [start, end) of each parameter in `label`: parametric parameters first, then arguments. */
  parameters: [number, number][];
  /** Index into `parameters`. */
  active: number;
  doc: FunctionDoc;
}

export function signatureHelpAt(text: string, offset: number, parsed?: ParseResult): SignatureHelpInfo | undefined {
  const call = signatureAt(text, offset, parsed);
  const doc = call?.function ? functionDoc(call.function.name) : undefined;
  if (!call || !doc) return undefined;
  const { label, params, args } = signatureLabel(doc);
  // `quantile(|` with no second parentheses yet is the parameter list too.
  const inParams = params.length > 0 && (call.inParams || call.lparen === call.nameRange.end);
  const list = inParams ? params : args;
  let index = Math.min(call.argIndex, Math.max(list.length - 1, 0));
  const last = (inParams ? doc.params : doc.args)[list.length - 1];
  if (call.argIndex >= list.length && !last?.variadic && list.length > 0) index = list.length - 1;
  return { label, parameters: [...params, ...args], active: inParams ? index : params.length + index, doc };
}

/** Markdown body for signature help and hover: description, example, origin and docs link. */
export function functionDocMarkdown(doc: FunctionDoc, kindLine: string): string {
  const parts: string[] = [];
  if (doc.summary) parts.push(doc.summary);
  parts.push(kindLine);
  if (doc.example) parts.push(`Example: \`${doc.example}\``);
  if (doc.origin === 'arity') parts.push('Parameter names are not documented; only the number of arguments is known.');
  else if (doc.clickhouse && doc.clickhouse !== doc.name) parts.push(`${doc.origin === 'combinator' ? 'Combinator of' : 'ClickHouse'} \`${doc.clickhouse}\``);
  parts.push(`[Documentation](${doc.link})`);
  return parts.join('\n\n');
}
