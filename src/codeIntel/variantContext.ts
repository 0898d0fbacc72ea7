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
