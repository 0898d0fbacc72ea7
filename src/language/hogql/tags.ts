/**
 * HogQLX tags: `<Sparkline data={[1, 2]} />` and `<Tag a="x">{expr}text<Inner /></Tag>`.
 * Text children are skipped (kept out of the tree); expressions and nested tags are kept.
 */
import type { Expr, Ident, Tag } from './ast';
import { parseExpr } from './expressions';
import { MAX_DEPTH, type ParserState } from './parserCore';
import { parseTemplate, stringConstant } from './primary';

const MAX_TAG_TOKENS = 100_000;

export function parseTag(p: ParserState): Tag {
  const start = p.next().start;
  const name = p.ident(p.next());
  const attributes: Tag['attributes'] = [];
  while (p.isAnyIdent()) {
    const attrName = p.ident(p.next());
    let value: Expr | null = null;
    if (p.eatOp('=')) value = parseAttrValue(p);
    attributes.push({ name: attrName, value });
  }
  const children: Expr[] = [];
  if (p.isOp('/') && p.isOp('>', 1)) {
    p.next();
    p.next();
    return { kind: 'Tag', name, attributes, children, start, end: p.prevEnd() };
  }
  if (!p.expectOp('>', ' to close the tag')) return { kind: 'Tag', name, attributes, children, start, end: p.prevEnd() };
  parseChildren(p, name, children);
  return { kind: 'Tag', name, attributes, children, start, end: p.prevEnd() };
}

function parseAttrValue(p: ParserState): Expr {
  if (p.eatOp('{')) {
    const value = parseExpr(p, 0, false);
    p.expectOp('}', ' to close the attribute value');
    return value;
  }
  // a string literal only (PostHog 1.3.87 refuses f'…' here): `'a' />` is not a division
  if (p.peek().kind === 'string') return stringConstant(p, p.next());
  if (p.peek().kind === 'templateStart') {
    const t = parseTemplate(p);
    p.error('A tag attribute takes a string or `{expression}`, not a template string', t.start, t.end, 'tag-attribute');
    return t;
  }
  return p.errorNode('Expected a string or `{expression}` as the attribute value');
}

function parseChildren(p: ParserState, name: Ident, children: Expr[]): void {
  for (let guard = 0; guard < MAX_TAG_TOKENS && !p.atEnd(); guard++) {
    if (p.isOp('<') && p.isOp('/', 1)) {
      p.next();
      p.next();
      const closing = p.isAnyIdent() ? p.next() : null;
      if (closing && closing.text !== name.name) {
        p.error(`Closing tag \`${closing.text}\` does not match \`${name.name}\``, closing.start, closing.end);
      }
      p.expectOp('>', ' to close the tag');
      return;
    }
    if (p.isOp('<') && p.isAnyIdent(1)) children.push(nestedTag(p));
    else if (p.eatOp('{')) {
      children.push(parseExpr(p, 0, false));
      p.expectOp('}');
    } else p.next();
  }
  p.errorAtCurrent(`Expected \`</${name.name}>\``);
}

/** A child tag, counted in the parser's depth: 5,000 nested tags overflowed the stack. */
function nestedTag(p: ParserState): Expr {
  if (p.depth >= MAX_DEPTH) return tooDeepTag(p);
  p.depth++;
  try {
    return parseTag(p);
  } finally {
    p.depth--;
  }
}

/** Skips a tag nested too deeply, up to its closing tag (or the end), as one error. */
function tooDeepTag(p: ParserState): Expr {
  const start = p.peek().start;
  p.error('Tag is nested too deeply', start, start, 'too-deep');
  let open = 0;
  while (!p.atEnd()) {
    if (p.isOp('<') && p.isOp('/', 1)) {
      p.next();
      p.next();
      if (p.isAnyIdent()) p.next();
      p.eatOp('>');
      open--;
    } else if (p.isOp('/') && p.isOp('>', 1)) {
      p.next();
      p.next();
      open--;
    } else {
      if (p.isOp('<') && p.isAnyIdent(1)) open++;
      p.next();
    }
    if (open <= 0) break;
  }
  return { kind: 'Error', message: 'Tag is nested too deeply', start, end: p.prevEnd() };
}
