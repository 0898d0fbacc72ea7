/**
 * Whether the cursor is in the string a flag's variant is compared with: after the flag call
 * (`getFeatureFlag('exp') === '|'`, `useFeatureFlagVariantKey('exp') != "|"`, Python
 * `get_feature_flag('exp', uid) == '|'`, `(await client.getFeatureFlag('exp', id)) === '|'`) or before
 * it (`'|' === useFeatureFlagVariantKey('exp')`, `"|" == posthog.get_feature_flag(…)`), the
 * comparison on one line or split over several. Pure: no `vscode`, unit-tested.
 */

export interface VariantSlot {
  /** The compared string's content, as offsets into the text given (without its quotes). */
  contentStart: number;
  contentEnd: number;
}

/** After the call: closing parentheses, the operator, the literal's opening quote (newlines allowed between). */
const COMPARED = /^(?:\s*\))*\s*(?:===|!==|==|!=)\s*(['"`])/;
/** Before the call: a closed literal, the operator, `(`/`await`, the receiver chain up to the method name. */
const COMPARED_BEFORE = /(['"`])([^'"`\\\n]*)\1\s*(?:===|!==|==|!=)\s*(?:\(\s*)*(?:await\s+)?(?:[\w$]+\s*\??\.\s*)*$/;
/** How far from the call the comparison is looked for. */
const REACH = 300;

/**
 * `text` is the document, `callEnd` the offset just after the call's `)`, `offset` the cursor. The
 * compared literal ends at its closing quote or at the end of its line.
 */
export function variantSlotAt(text: string, callEnd: number, offset: number): VariantSlot | undefined {
  if (offset <= callEnd) return undefined;
  const m = COMPARED.exec(text.slice(callEnd, Math.min(text.length, callEnd + REACH)));
  if (!m) return undefined;
  const quote = m[1];
  const contentStart = callEnd + m[0].length;
  let close = contentStart;
  while (close < text.length && text[close] !== quote && text[close] !== '\n') close += text[close] === '\\' ? 2 : 1;
  const contentEnd = Math.min(close, text.length);
  return offset >= contentStart && offset <= contentEnd ? { contentStart, contentEnd } : undefined;
}

/** The compared literal before a flag call whose method name starts at `nameStart`: `'|' === posthog.getFeatureFlag('exp')`. */
export function variantSlotBefore(text: string, nameStart: number, offset: number): VariantSlot | undefined {
  if (offset >= nameStart) return undefined;
  const from = Math.max(0, nameStart - REACH);
  const m = COMPARED_BEFORE.exec(text.slice(from, nameStart));
  if (!m) return undefined;
  const contentStart = from + m.index + 1;
  const contentEnd = contentStart + m[2].length;
  return offset >= contentStart && offset <= contentEnd ? { contentStart, contentEnd } : undefined;
}

/**
 * TS/JS `switch (posthog.getFeatureFlag('exp')) { case '|': … }`: the cursor in a `case` string at the
 * switch's top level. `nameStart` is the flag method's start, `callEnd` just after its `)`.
 */
export function switchCaseSlotAt(text: string, nameStart: number, callEnd: number, offset: number): VariantSlot | undefined {
  if (offset <= callEnd) return undefined;
  const lineStart = text.lastIndexOf('\n', nameStart - 1) + 1;
  if (!/\bswitch\s*\(\s*(?:[\w$]+\s*\??\.\s*)?$/.test(text.slice(lineStart, nameStart))) return undefined;
  const open = /^\s*\)\s*\{/.exec(text.slice(callEnd, callEnd + 200));
  if (!open) return undefined;
  let depth = 1;
  for (let i = callEnd + open[0].length; i < offset; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return undefined;
  }
  const caseLine = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  const m = depth === 1 ? /^\s*case\s+(['"`])([^'"`\\\n]*)$/.exec(caseLine) : null;
  if (!m) return undefined;
  let end = offset;
  while (end < text.length && text[end] !== m[1] && text[end] !== '\n') end++;
  return { contentStart: offset - m[2].length, contentEnd: end };
}
