/**
 * Maps an error of PostHog's parser onto the document. The parser reports the offending token's
 * start in code points relative to the text it was given (its `end` is unreliable: often the
 * input length in UTF-8 bytes), so the start is converted to UTF-16 and the end is the end of our
 * lexer's token at that position. Pure (no `vscode`).
 */
import type { Token } from '../hogql/lexer';
import { tokenIndexAt } from '../hogql/lexer';
import { codePointToUtf16, type Range } from '../hogql/text';
import type { ParserError } from './protocol';

const MAX_MESSAGE = 240;

/** Shortens ANTLR's "expecting {…hundreds of tokens…}" lists. */
export function shortenMessage(message: string): string {
  const one = message.replace(/\s+/g, ' ').trim();
  if (one.length <= MAX_MESSAGE) return one;
  const cut = one.lastIndexOf(',', MAX_MESSAGE);
  return `${one.slice(0, cut > 80 ? cut : MAX_MESSAGE)}, …`;
}

/**
 * Document range of an error of PostHog's parser for the statement text `text` that starts at
 * document offset `base`. `tokens` are our lexer's tokens of the document (document offsets).
 * - inside a token → that token;
 * - at the end of the input (incomplete statement) → the statement's last token;
 * - NotImplementedError (always reported at 0) → the statement's first token.
 */
export function errorRange(text: string, base: number, error: ParserError, tokens: readonly Token[]): Range {
  const realTokens = tokens.filter((t) => t.kind !== 'eof');
  const inText = realTokens.filter((t) => t.start >= base && t.end <= base + text.length);
  const first = inText[0];
  const last = inText[inText.length - 1];
  if (!first || !last) return { start: base, end: base + text.length };
  if (error.type === 'NotImplementedError') return { start: first.start, end: first.end };
  const at = base + codePointToUtf16(text, Math.max(0, error.start));
  if (at >= last.end) return { start: last.start, end: last.end };
  const tok = realTokens[tokenIndexAt(realTokens, at)];
  if (tok && tok.start <= at && at < tok.end) return { start: at, end: tok.end };
  const width = (text.codePointAt(at - base) ?? 0) > 0xffff ? 2 : 1;
  return { start: at, end: Math.min(at + width, base + text.length) };
}
