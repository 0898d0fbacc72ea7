/**
 * Whether the cursor is where a property name goes in a `capture` call's literal properties object:
 * JS/TS `{ na| }` or `{ 'na|': … }`, Python `{'na|': …}`, Ruby `{ 'na|' => … }`, Go
 * `posthog.Properties{"na|": …}`, at the object's top
 * level, before the key's `:` / `=>`. Pure: no `vscode`, unit-tested.
 */
import type { SdkLanguage } from './scan/types';

export interface PropertySlot {
  /** The key typed so far and after the cursor (without quotes), as offsets into the text. */
  contentStart: number;
  contentEnd: number;
  /** Whether the key is a string literal (else a bare JS key, which a name with odd characters must quote). */
  quoted: boolean;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const WORD = /[\w$]/;

/** Where the top-level item holding `offset` starts, or undefined when `offset` is nested or inside a finished string. */
function itemStart(text: string, start: number, offset: number): number | undefined {
  let depth = 0;
  let item = start;
  let quote: string | undefined;
  for (let i = start; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth--;
    else if (c === ',' && depth === 0) item = i + 1;
  }
  return depth === 0 ? item : undefined;
}

export function propertySlotAt(text: string, propsStart: number, propsEnd: number, offset: number, lang: SdkLanguage): PropertySlot | undefined {
  if (offset < propsStart || offset > propsEnd) return undefined;
  const from = itemStart(text, propsStart, offset);
  if (from === undefined) return undefined;
  const typed = text.slice(from, offset);
  // Go map keys are "…" strings (a '…' is a rune)
  const quoted = (lang === 'go' ? /^\s*(")([^"\\\n]*)$/ : /^\s*(['"])([^'"\\\n]*)$/).exec(typed);
  let end = offset;
  if (quoted) {
    while (end < propsEnd && text[end] !== quoted[1] && text[end] !== '\n') end++;
    return { contentStart: offset - quoted[2].length, contentEnd: end, quoted: true };
  }
  const bare = lang === 'js' ? /^\s*([\w$]*)$/.exec(typed) : null;
  if (!bare) return undefined;
  while (end < propsEnd && WORD.test(text[end])) end++;
  return { contentStart: offset - bare[1].length, contentEnd: end, quoted: false };
}

/**
 * posthog-go: the key of a `.Set("…"` in a capture call (`Properties: posthog.NewProperties().Set("k", v)`),
 * between `callStart` and `callEnd`, on the line of the cursor.
 */
export function goSetKeyAt(text: string, callStart: number, callEnd: number, offset: number): PropertySlot | undefined {
  if (offset <= callStart || offset > callEnd) return undefined;
  const lineStart = Math.max(callStart, text.lastIndexOf('\n', offset - 1) + 1);
  const m = /\.Set\(\s*"([^"\\\n]*)$/.exec(text.slice(lineStart, offset));
  if (!m) return undefined;
  let end = offset;
  while (end < callEnd && text[end] !== '"' && text[end] !== '\n') end++;
  return { contentStart: offset - m[1].length, contentEnd: end, quoted: true };
}
