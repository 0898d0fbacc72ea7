/**
 * Parsing through the worker pool, turning the parser's error objects into HogQLErrors the way
 * PostHog's parser.py does: SyntaxError → `hogql_syntax_error` with the parser's message and
 * `start` at the offending token. The parser's `end` is the input length in UTF-8 bytes (shared
 * notes); PostHog sets `end = len(query)` (code points), so the emulator clamps to that.
 */
import { isParseFailure, type Node } from './ast';
import { HogQLError } from './errors';
import { sharedParsePool, type ParseRule } from './parsePool';

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Recently parsed texts → parser output (ASTs and errors); callers get their own copy. */
const CACHE_SIZE = 256;
const cache = new Map<string, unknown>();

async function parseCached(rule: ParseRule, text: string): Promise<unknown> {
  const key = `${rule}\u0000${text}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = await sharedParsePool().parse(rule, text);
    cache.set(key, result);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key);
    cache.set(key, result);
  }
  return structuredClone(result);
}

export async function parseHogQL(text: string, rule: ParseRule = 'select'): Promise<Node> {
  if (rule === 'expr' && text === '') throw new HogQLError('hogql_syntax_error', 'Empty query');
  const result = await parseCached(rule, text);
  if (isParseFailure(result)) {
    const length = codePointLength(text);
    const start = result.start ? Math.min(Math.max(result.start.offset, 0), length) : undefined;
    const end = start === undefined ? undefined : length;
    if (result.type === 'SyntaxError') throw new HogQLError('hogql_syntax_error', result.message, start, end);
    // NotImplementedError / ParsingError are internal errors in PostHog; their message is shown.
    throw new HogQLError('hogql_error', result.message, start, end);
  }
  return result as Node;
}
