/**
 * Whether the cursor is in the string a flag's variant is compared with, right after the flag call on
 * the same line: `getFeatureFlag('exp') === '|'`, `useFeatureFlagVariantKey('exp') != "|"`, Python
 * `get_feature_flag('exp', uid) == '|'`. Pure: no `vscode`, unit-tested.
 */

export interface VariantSlot {
  /** The compared string's content, as offsets into the text given (without its quotes). */
  contentStart: number;
  contentEnd: number;
}

const COMPARED = /^\s*(?:===|!==|==|!=)\s*(['"`])/;

/**
 * `text` is the document, `callEnd` the offset just after the call's `)`, `offset` the cursor. The
 * compared literal must start on the call's line; it ends at its closing quote or at the line's end.
 */
export function variantSlotAt(text: string, callEnd: number, offset: number): VariantSlot | undefined {
  if (offset <= callEnd) return undefined;
  const lineEnd = text.indexOf('\n', callEnd);
  const after = text.slice(callEnd, lineEnd < 0 ? text.length : lineEnd);
  const m = COMPARED.exec(after);
  if (!m) return undefined;
  const quote = m[1];
  const contentStart = callEnd + m[0].length;
  let close = contentStart;
  while (close < callEnd + after.length && text[close] !== quote) close += text[close] === '\\' ? 2 : 1;
  const contentEnd = Math.min(close, callEnd + after.length);
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
