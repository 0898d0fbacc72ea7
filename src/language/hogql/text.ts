/**
 * Offsets and ranges. Everything in this package uses UTF-16 code-unit offsets
 * (JavaScript string indices, what VS Code uses). PostHog's parser reports code
 * points (and, for some error ends, UTF-8 bytes); convert with the helpers here.
 */

/** Half-open range `[start, end)` in UTF-16 code units. */
export interface Range {
  start: number;
  end: number;
}

/** 0-based line and UTF-16 character, like `vscode.Position`. */
export interface LineCol {
  line: number;
  character: number;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Code-point offset → UTF-16 offset (clamped to the text length). */
export function codePointToUtf16(text: string, codePoints: number): number {
  let cp = 0;
  let i = 0;
  while (i < text.length && cp < codePoints) {
    const c = text.charCodeAt(i);
    i += isHighSurrogate(c) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    cp++;
  }
  return i;
}

/** UTF-16 offset → code-point offset. An offset inside a surrogate pair counts the pair as passed. */
export function utf16ToCodePoint(text: string, offset: number): number {
  let cp = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) cp++;
  }
  return cp;
}

/** UTF-8 byte offset → UTF-16 offset (PostHog reports some error ends in bytes). */
export function utf8ByteToUtf16(text: string, bytes: number): number {
  let b = 0;
  let i = 0;
  while (i < text.length && b < bytes) {
    const c = text.codePointAt(i)!;
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Converts many code-point offsets of one text quickly (O(1) per call after an
 * O(n) setup that only pays when the text has astral characters).
 */
export class OffsetConverter {
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.astral.push(i);
        i++;
      }
    }
  }

  /** Code points → UTF-16. */
  toUtf16(codePoints: number): number {
    let result = codePoints;
    for (const at of this.astral) {
      if (at - (result - codePoints) < codePoints) result++;
      else break;
    }
    return Math.min(result, this.text.length);
  }

  /** UTF-16 → code points. */
  toCodePoint(offset: number): number {
    let skipped = 0;
    for (const at of this.astral) {
      if (at + 1 < offset) skipped++;
      else break;
    }
    return offset - skipped;
  }
}

/** Start offset of every line (after `\n`, `\r\n` or a lone `\r`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** Offset → line/character using precomputed line starts. */
export function positionAt(starts: readonly number[], offset: number): LineCol {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Line/character → offset (clamped to the line). */
export function offsetAt(starts: readonly number[], text: string, pos: LineCol): number {
  if (pos.line < 0) return 0;
  if (pos.line >= starts.length) return text.length;
  const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  return Math.min(starts[pos.line] + Math.max(0, pos.character), lineEnd);
}

export function contains(range: Range, offset: number, inclusiveEnd = false): boolean {
  return offset >= range.start && (inclusiveEnd ? offset <= range.end : offset < range.end);
}
