// Regex helpers of scripts/gen-grammar.mjs (the HogQL TextMate grammars): shared pieces of
// patterns, prefix tries, and the merging of several rules into one Oniguruma regex.

// Possessive (`*+`): whatever follows an identifier in these rules needs a non-word char, so
// giving back chars could never let a rule match; it only cost time on every failed try.
export const IDENT = '[A-Za-z_$][A-Za-z0-9_$]*+';
export const NOT_AFTER_WORD = '(?<![A-Za-z0-9_$.])';
export const WORD_END = '(?![A-Za-z0-9_$])';
/** After the `{` of a `{name}` / `{variables.x}` placeholder (groups: the name, the `}`). */
export const PLACEHOLDER_NAME_REST = `\\s*+(${IDENT}(?:\\.${IDENT})*)\\s*+(\\})`;
/** After the `'` of a string with no escape, no doubled quote and no `${` (group: the closing `'`). */
export const SIMPLE_STRING_REST = "(?:[^'\\\\$]|\\$(?!\\{))*(')(?!')";
/**
 * A `)`, a `,`, or a `)` then a `,` right after a token (spaces between allowed) join its match
 * (groups: the `)`, the `,`): one search fewer, the same tokens, since neither char starts any
 * other rule. `after` adds alternatives to the `,` (groups of their own, numbered after it) and
 * `starts` the chars they can start with: the tail is entered only when one of those (or `)`/`,`)
 * follows, so a token followed by anything else (mostly a space and a word) does not try each
 * alternative in turn; spaces are possessive (what follows them is never a space).
 */
export const trailingParenComma = (after = '', starts = '') =>
  `(?:(?=\\s*+[),${starts}])(?:\\s*+(\\)))?(?:\\s*+(?:(,)${after}))?)?`;
export const TRAILING_PAREN_COMMA = trailingParenComma();
/** The captures of TRAILING_PAREN_COMMA when the regex before it holds `n` groups. */
export const trailingCaptures = (n) => ({
  [n + 1]: { name: 'punctuation.section.parens.end.hogql' },
  [n + 2]: { name: 'punctuation.separator.comma.hogql' },
});
/**
 * TRAILING_PAREN_COMMA, or a comparison or arithmetic operator, as the operators regex would take
 * it at that position: `=~` stays a regex operator, `<` before a letter may open a HogQLX tag,
 * `--`, `/*`, `//` and `->` start something else.
 */
export const TRAILING_OPERATOR = trailingParenComma('|(==|!=|<>|<=|>=|=(?!~)|<(?![A-Za-z_])|>)|([+*%]|-(?![->])|/(?![*/]))', '=!<>+*%/-');
/** The captures of TRAILING_OPERATOR when the regex before it holds `n` groups. */
export const trailingOperatorCaptures = (n) => ({
  ...trailingCaptures(n),
  [n + 3]: { name: 'keyword.operator.comparison.hogql' },
  [n + 4]: { name: 'keyword.operator.arithmetic.hogql' },
});
/** Placed right after a consumed first char `c`: the char before `c` is not part of a word. */
export const AFTER_NON_WORD = (c) => `(?<![A-Za-z0-9_$.]${c})`;

/** A prefix-factored alternation: `count|countIf|countDistinct` → `count(?:If|Distinct)?`. */
export function trie(words) {
  const rootNode = new Map();
  for (const w of words) {
    let node = rootNode;
    for (const ch of w) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch);
    }
    node.set('', null);
  }
  const esc = (c) => c.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&');
  const render = (node) => {
    const ends = node.has('');
    const keys = [...node.keys()].filter((k) => k !== '').sort();
    if (keys.length === 0) return '';
    const alts = keys.map((k) => esc(k) + render(node.get(k)));
    const body = alts.length === 1 && !ends ? alts[0] : `(?:${alts.join('|')})`;
    return ends ? (alts.length === 1 && body === alts[0] ? `(?:${body})?` : `${body}?`) : body;
  };
  return render(rootNode);
}

/**
 * Case-insensitive trie spelled with `[sS]` classes: Oniguruma's (?i:…) applies Unicode case
 * folding (multi-char folds such as ß/ss) and is several times slower on these word lists.
 */
export const ci = (words) =>
  trie(words.map((w) => w.toLowerCase())).replace(/(\\.)|([a-z])/g, (m, esc, ch) => (esc ? esc : `[${ch}${ch.toUpperCase()}]`));

/**
 * One regex for several token kinds: `prefix(?:(a)|(b)|…)suffix`, each group scoped by `captures`.
 * Fewer regexes per scanner is what keeps tokenizing fast; the parts must not capture themselves.
 */
export function merged(parts, prefix = '', suffix = '') {
  const captures = {};
  parts.forEach(([, scope], i) => (captures[i + 1] = { name: scope }));
  return { match: `${prefix}(?:${parts.map(([re]) => `(${re})`).join('|')})${suffix}`, captures };
}

/** Number of capturing groups in a regex source (ignores escapes, classes and (?…) groups). */
export function countGroups(re) {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && re[i + 1] !== '?') n++;
  }
  return n;
}

/**
 * Merges match rules that all start at the start of a word into ONE regex,
 * `prefix(?:(?:a)|(?:b)|…)`, renumbering their captures. Alternation order keeps each rule's
 * priority, and leftmost-match semantics are unchanged, so this tokenizes exactly like the
 * separate rules but costs one regex search instead of many.
 */
export function mergeRules(rules, prefix) {
  const alts = [];
  const captures = {};
  let offset = 0;
  for (const r of rules) {
    let body = r.match;
    if (r.name) {
      body = `(${body})`;
      captures[offset + 1] = { name: r.name };
      offset++;
    }
    for (const [k, v] of Object.entries(r.captures ?? {})) captures[offset + Number(k)] = v;
    offset += countGroups(r.match);
    alts.push(`(?:${body})`);
  }
  return { match: `${prefix}(?:${alts.join('|')})`, captures };
}

/** The literal char a regex must start with (`(`, `(?:` wrappers skipped); throws for anything else. */
export function firstChar(re) {
  const m = /^(?:\((?:\?:)?)*(\\.|[^\\[(?*+.|^$])/.exec(re);
  if (!m) throw new Error(`a delimited start must begin with a literal char: ${re}`);
  return m[1].length === 2 ? m[1][1] : m[1];
}

/** A char class of the given literal chars. */
export function charClass(chars) {
  return `[${[...new Set(chars)].map((c) => (/[\\\]\[^-]/.test(c) ? `\\${c}` : c)).join('')}]`;
}

/** `(x)` → `(?:x)` outside classes and escapes, for regexes reused inside a lookahead. */
export function withoutGroups(re) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      out += c + re[++i];
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && re[i + 1] !== '?') {
      out += '(?:';
      continue;
    }
    out += c;
  }
  if (/\\[1-9]|\\k</.test(re)) throw new Error(`backreference in a delimited start: ${re}`);
  return out;
}
