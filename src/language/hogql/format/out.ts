/**
 * Line builder of the formatter. Layout code asks for explicit line breaks (`newline`); comments
 * add their own rules, which keep formatting idempotent:
 * - a comment that shared its source line with code stays at the end of the code before it, even
 *   when layout just broke the line (it goes back onto the previous line);
 * - a comment alone on its line starts a line;
 * - a line comment always ends its line (the next word breaks, unless layout breaks first).
 */
import type { Atom } from './items';

export interface FormatOptions {
  keywordCase: 'upper' | 'lower' | 'preserve';
  indent: number;
  width: number;
}

export const DEFAULT_OPTIONS: FormatOptions = { keywordCase: 'upper', indent: 4, width: 100 };

export class Out {
  readonly lines: string[] = [];
  private line = '';
  private lineIndent = 0;
  /** Indent of the last line break asked for by layout. */
  private base = 0;
  private pending: number | undefined;
  private lastEndsInLineComment = false;

  constructor(readonly opts: FormatOptions) {}

  private get atLineStart(): boolean {
    return this.line === '';
  }

  private pad(n: number): string {
    return ' '.repeat(n * this.opts.indent);
  }

  private push(): void {
    this.lines.push(this.pad(this.lineIndent) + this.line);
    this.lastEndsInLineComment = this.endsInLineComment;
    this.endsInLineComment = false;
    this.line = '';
  }

  private endsInLineComment = false;

  /** A line break asked for by layout; the next line is indented `indent` levels. */
  newline(indent: number): void {
    if (!this.atLineStart) this.push();
    this.pending = undefined;
    this.lineIndent = this.base = indent;
  }

  /** Current column (for width decisions), counting the indent. */
  column(): number {
    return this.lineIndent * this.opts.indent + this.line.length;
  }

  get indentLevel(): number {
    return this.lineIndent;
  }

  private breakIfPending(): void {
    if (this.pending === undefined) return;
    const to = this.pending;
    this.pending = undefined;
    if (!this.atLineStart) this.push();
    this.lineIndent = to;
  }

  word(text: string, space: boolean): void {
    this.breakIfPending();
    this.line += this.atLineStart || !space ? text : ` ${text}`;
  }

  comment(text: string, block: boolean, ownLine: boolean): void {
    if (ownLine) {
      this.breakIfPending();
      if (!this.atLineStart) {
        this.push();
        this.lineIndent = this.base + 1;
      }
      this.line = text;
      if (!block) {
        this.endsInLineComment = true;
        this.pending = this.lineIndent;
      }
      return;
    }
    if (this.atLineStart && this.lines.length > 0 && !this.lastEndsInLineComment && this.pending === undefined) {
      this.lines[this.lines.length - 1] += ` ${text}`;
      this.lastEndsInLineComment = !block;
      if (!block) this.pending = undefined;
      return;
    }
    this.breakIfPending();
    this.line += this.atLineStart ? text : ` ${text}`;
    if (!block) {
      this.endsInLineComment = true;
      this.pending = this.base + 1;
    }
  }

  text(): string {
    if (!this.atLineStart) this.push();
    return this.lines.join('\n');
  }
}

/** The keyword or token text as it should be printed. */
export function atomText(a: Atom, opts: FormatOptions): string {
  if (!a.kw || opts.keywordCase === 'preserve') return a.text;
  return opts.keywordCase === 'upper' ? a.text.toUpperCase() : a.text.toLowerCase();
}
