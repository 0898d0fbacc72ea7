/**
 * Text made safe to show, for the sidebar (src/views/format.ts) and the results grid, its headers
 * and its cell viewer: invisible and bidi characters become visible escapes. Pure: no `vscode`, no
 * DOM. Only what is displayed goes through it; copies and exports keep the raw value.
 */

/**
 * Characters that are invisible or reorder text: bidi embeddings/overrides/isolates
 * (U+202A–202E, U+2066–2069), zero-width and direction marks (U+200B–200F), U+FEFF, every other
 * Unicode format character (category Cf), and control characters (C0, DEL, C1).
 */
const HIDDEN = /[\p{Cf}\p{Cc}]/u;
const PICTO = /\p{Extended_Pictographic}/u;

/** `[U+202E]`: how VS Code's Unicode highlighting names a character. */
const escapeOf = (cp: number): string => `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;

/**
 * Server text made safe to show: invisible and bidi characters become visible escapes
 * (`[U+202E]`, VS Code's convention), so "invoice\u202Etxt.exe" cannot pose as "invoiceexe.txt".
 * A zero-width joiner inside an emoji sequence is kept. Newlines and tabs are kept when
 * `keepLines`, else they become spaces. Pure.
 */
export function visible(text: unknown, keepLines = false): string {
  const s = typeof text === 'string' ? text : text === null || text === undefined ? '' : typeof text === 'object' ? safeJson(text) : String(text);
  if (!HIDDEN.test(s)) return s;
  const cps = Array.from(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (!HIDDEN.test(c)) out += c;
    else if (c === '\n' || c === '\r' || c === '\t') out += keepLines && c !== '\r' ? c : ' ';
    else if (c === '\u200d' && PICTO.test(cps[i - 1] ?? '') && PICTO.test(cps[i + 1] ?? '')) out += c;
    else out += escapeOf(c.codePointAt(0)!);
  }
  return out;
}

function safeJson(x: object): string {
  try {
    return JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  } catch {
    return '';
  }
}
