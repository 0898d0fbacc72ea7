#!/usr/bin/env node
// Generates the HogQL TextMate grammars in syntaxes/ from the rules below and
// the vocabulary subset in syntaxes/data/hogql-grammar-vocabulary.json.
//
//   node scripts/gen-grammar.mjs                 write syntaxes/*.tmLanguage.json
//   node scripts/gen-grammar.mjs --check         exit 1 if a committed file is stale
//   node scripts/gen-grammar.mjs --reference     print the HogQL grammar without its shortcuts
//   node scripts/gen-grammar.mjs --from <file>   first refresh the subset from a full
//                                                vocabulary.json (src/language/hogql/vocabulary.json)
//
// Regex helpers: scripts/lib/grammarRegex.mjs; keyword, call and #words rules: scripts/lib/grammarWords.mjs;
// injection grammars: scripts/lib/grammarInjections.mjs.
// Regex rules of thumb used here (see test/unit/grammar/pathological.test.ts):
// word lists become prefix tries, so a failed match costs a few comparisons; no
// quantified group can match the same text two ways; every lookbehind is one char.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { markdownInjection, jsInjection, pythonInjection } from './lib/grammarInjections.mjs';
import { functionRules, keywordRules, wordRules } from './lib/grammarWords.mjs';
import {
  AFTER_NON_WORD, IDENT, PLACEHOLDER_NAME_REST, SIMPLE_STRING_REST, TRAILING_PAREN_COMMA, WORD_END,
  charClass, countGroups, firstChar, merged, mergeRules, trailingCaptures, withoutGroups,
} from './lib/grammarRegex.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUBSET = join(root, 'syntaxes/data/hogql-grammar-vocabulary.json');

// ---------------------------------------------------------------- vocabulary

function refreshSubset(fromPath) {
  const full = JSON.parse(readFileSync(fromPath, 'utf8'));
  const functions = full.functions.map((f) => {
    const out = { name: f.name, kind: f.kind };
    if (f.caseInsensitive) out.caseInsensitive = true;
    if (f.combinatorOf) out.combinatorOf = f.combinatorOf;
    return out;
  });
  const subset = {
    _source:
      'Derived by scripts/gen-grammar.mjs --from src/language/hogql/vocabulary.json ' +
      '(PostHog/posthog: HogQLLexer.common.g4 keywords, hogql/functions/*.py names). Do not edit by hand.',
    keywords: full.keywords,
    combinatorSuffixes: Object.keys(full.combinators.suffixes),
    functions,
  };
  writeFileSync(SUBSET, JSON.stringify(subset, null, 2) + '\n');
}

// ---------------------------------------------------------------- shared pieces

const COMMON_ESCAPE = '\\\\(?:[bfrnt0av\\\\]|x[0-9A-Fa-f]{2})';
const escapes = (extra) => [
  { match: `${COMMON_ESCAPE}|\\\\${extra}`, name: 'constant.character.escape.hogql' },
  { match: '\\\\.?', name: 'invalid.illegal.escape.hogql' },
];
const quoted = (q, name, extraEscape, doubled, scopeQuote) => ({
  begin: q,
  end: `${q}(?!${q})`,
  name,
  beginCaptures: { 0: { name: `punctuation.definition.${scopeQuote}.begin.hogql` } },
  endCaptures: { 0: { name: `punctuation.definition.${scopeQuote}.end.hogql` } },
  patterns: [{ match: doubled, name: 'constant.character.escape.quote.hogql' }, ...escapes(extraEscape)],
});

function tagRule(guarded) {
  return {
    name: 'meta.tag.hogqlx.hogql',
    // `<` first, the lookbehind after it: a regex starting with a literal char is cheap to search.
    begin: `(<)${guarded ? "(?<![A-Za-z0-9_$)\\]'\"`.]<)" : ''}([A-Za-z_][A-Za-z0-9_-]*)(?=[\\s/>]|$)`,
    beginCaptures: { 1: { name: 'punctuation.definition.tag.begin.hogql' }, 2: { name: 'entity.name.tag.hogql' } },
    end: '(/>)|(</)([A-Za-z_][A-Za-z0-9_-]*)?\\s*(>)',
    endCaptures: {
      1: { name: 'punctuation.definition.tag.end.hogql' },
      2: { name: 'punctuation.definition.tag.begin.hogql' },
      3: { name: 'entity.name.tag.hogql' },
      4: { name: 'punctuation.definition.tag.end.hogql' },
    },
    // Attributes until `>`; after it the children region runs up to `</`, where `end` closes the tag.
    patterns: [
      {
        begin: '>',
        beginCaptures: { 0: { name: 'punctuation.definition.tag.end.hogql' } },
        end: '(?=</)',
        contentName: 'meta.tag.children.hogql',
        patterns: [
          { include: '#hogqlx-child-tag' },
          { include: '#embedded-braces' },
          { match: '[^<{]+', name: 'string.unquoted.text.hogqlx.hogql' },
        ],
      },
      { match: '[A-Za-z_][A-Za-z0-9_-]*', name: 'entity.other.attribute-name.hogql' },
      { match: '=', name: 'punctuation.separator.key-value.hogql' },
      { include: '#string-single' },
      { include: '#embedded-braces' },
    ],
  };
}

// ---------------------------------------------------------------- the grammar

/** Rules that open with a rare delimiter, in priority order (see `delimited` in hogqlGrammar). */
const DELIMITED = [
  'comment-block',
  'comment-line',
  'hogqlx-tag',
  'f-string',
  'string-single',
  'identifier-backtick',
  'identifier-double',
  'property-brackets',
  'placeholder-expression',
  // rare match rules with several groups: here they cost no group decoding on frequent tokens
  'lambda-params',
  'type-cast',
];



/**
 * The body of a one-match form: no line break, and nothing an injection grammar could start inside
 * the region it stands for: no `${` (a JS substitution), no backtick (`hogql\``), no `/*`
 * (`/* hogql *\/ '…'`); `also` lists more chars to leave out (`#`, quotes: Python's markers).
 */
const PLAIN = (also) => `(?:[^${also}\`/$\\n]|\\$(?!\\{)|/(?!\\*))*+`;

/**
 * The common one-line forms of delimited constructs as single matches (tokens exactly like the
 * regions behind the gate, which keep every other form): one search instead of four to six.
 */
function simpleDelimited() {
  const lineComment = (open, kind) => ({
    match: `(${open})${PLAIN('')}$`,
    name: `comment.line.${kind}.hogql`,
    captures: { 1: { name: 'punctuation.definition.comment.hogql' } },
  });
  const quotedName = (q, kind) => ({
    // not comment or string scoped: Python's `# hogql` and `"""` markers apply inside too
    // a closing backtick right after `hogql` would start an injected hogql`…` template
    match: `(${q})${q === '`' ? `(?![^\`\\n]*?(?<![A-Za-z0-9_$.])hogql\\s*\`)` : ''}${PLAIN(`\\\\#'"${q}`)}(${q})(?!${q})`,
    name: `variable.other.quoted.${kind}.hogql`,
    captures: { 1: { name: 'punctuation.definition.identifier.begin.hogql' }, 2: { name: 'punctuation.definition.identifier.end.hogql' } },
  });
  return [
    {
      match: `(/\\*)(?:[^*\`/$\\n]|\\*(?!/)|\\$(?!\\{)|/(?!\\*))*+(\\*/)`,
      name: 'comment.block.hogql',
      captures: { 1: { name: 'punctuation.definition.comment.begin.hogql' }, 2: { name: 'punctuation.definition.comment.end.hogql' } },
    },
    // `//` and `#` (Hog) comments are rare in queries: they stay behind the gate (fewer groups here)
    lineComment('--', 'double-dash'),
    quotedName('`', 'backtick'),
    quotedName('"', 'double'),
    {
      match: `(\\[)(?<=[A-Za-z0-9_$\`"\\].]\\[)\\s*+((')(${PLAIN("\\\\'")})('))\\s*+(\\])`,
      captures: {
        1: { name: 'punctuation.section.brackets.begin.hogql' },
        2: { name: 'string.quoted.single.hogql' },
        3: { name: 'punctuation.definition.string.begin.hogql' },
        4: { name: 'variable.other.property.hogql' },
        5: { name: 'punctuation.definition.string.end.hogql' },
        6: { name: 'punctuation.section.brackets.end.hogql' },
      },
    },
  ];
}


/**
 * `shortcuts: false` gives the reference form the shortcuts must tokenize exactly like (checked by
 * test/unit/grammar/structure.test.ts): every string and placeholder through the delimited gate,
 * a name's trailing `,` / `)` as a token of its own.
 */
function hogqlGrammar(vocab, { shortcuts = true } = {}) {
  const kw = keywordRules(vocab.keywords);
  /** With the shortcuts, a match rule's trailing `,` / `)` joins its match (two more groups). */
  const trailing = (rule) => {
    if (!shortcuts) return rule;
    const n = countGroups(rule.match);
    return { ...rule, match: rule.match + TRAILING_PAREN_COMMA, captures: { ...rule.captures, ...trailingCaptures(n) } };
  };
  const fn = functionRules(vocab, kw.all);
  const grammar = {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'HogQL',
    scopeName: 'source.hogql',
    fileTypes: ['hogql'],
    comment: `Generated by scripts/gen-grammar.mjs from syntaxes/data/hogql-grammar-vocabulary.json (${vocab.functions.length} functions, ${vocab.keywords.length} keywords). Do not edit by hand.`,
    patterns: [{ include: '#expression' }],
    repository: {
      expression: {
        patterns: [
          { include: '#delimited' },
          { include: '#punctuation' },
          { include: '#words' },
        ],
      },
      // Built below from DELIMITED: comments, strings, quoted names, tags, {placeholders}, ['x'].
      delimited: null,
      'comment-block': {
        begin: '/\\*',
        end: '\\*/',
        name: 'comment.block.hogql',
        beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.hogql' } },
        endCaptures: { 0: { name: 'punctuation.definition.comment.end.hogql' } },
      },
      // Line comments are regions, not `--.*` matches, so that rules injected into HogQL (a JS
      // `${…}` substitution inside a comment of a hogql`…` template) still apply inside them.
      'comment-line': {
        patterns: [
          { begin: '(--)', end: '(?=$)', name: 'comment.line.double-dash.hogql', beginCaptures: { 1: { name: 'punctuation.definition.comment.hogql' } } },
          { begin: '(//)', end: '(?=$)', name: 'comment.line.double-slash.hogql', beginCaptures: { 1: { name: 'punctuation.definition.comment.hogql' } } },
          { begin: '(#)', end: '(?=$)', name: 'comment.line.number-sign.hogql', beginCaptures: { 1: { name: 'punctuation.definition.comment.hogql' } } },
        ],
      },
      'string-single': quoted("'", 'string.quoted.single.hogql', "'", "''", 'string'),
      // Most strings have no escape, no doubled quote and no `${` (a JS substitution, which must
      // stay visible to the injected rule): those are one match (merged into #punctuation)
      // instead of a region behind the delimited gate, and tokenize exactly like it.
      'string-simple': {
        match: `(')${SIMPLE_STRING_REST}`,
        name: 'string.quoted.single.hogql',
        captures: { 1: { name: 'punctuation.definition.string.begin.hogql' }, 2: { name: 'punctuation.definition.string.end.hogql' } },
      },
      'identifier-backtick': quoted('`', 'variable.other.quoted.backtick.hogql', "'", '``', 'identifier'),
      'identifier-double': quoted('"', 'variable.other.quoted.double.hogql', '"', '""', 'identifier'),
      'f-string': {
        begin: `(f)${AFTER_NON_WORD('f')}(')`,
        beginCaptures: { 1: { name: 'storage.type.string.hogql' }, 2: { name: 'punctuation.definition.string.begin.hogql' } },
        end: "'(?!')",
        endCaptures: { 0: { name: 'punctuation.definition.string.end.hogql' } },
        name: 'string.interpolated.hogql',
        patterns: [
          { match: "''", name: 'constant.character.escape.quote.hogql' },
          ...escapes("['{]"),
          {
            begin: '\\{',
            end: '\\}',
            name: 'meta.template.expression.hogql',
            contentName: 'meta.embedded.line.hogql',
            beginCaptures: { 0: { name: 'punctuation.section.interpolation.begin.hogql' } },
            endCaptures: { 0: { name: 'punctuation.section.interpolation.end.hogql' } },
            patterns: [{ include: '#expression' }],
          },
        ],
      },
      // {name} / {variables.x}: a match rule merged into #punctuation; the delimited gate opens
      // the {expression} region below only on a `{` that does not start one of these.
      'placeholder-name': {
        match: `(\\{)${PLACEHOLDER_NAME_REST}`,
        name: 'meta.placeholder.hogql',
        captures: {
          1: { name: 'punctuation.definition.placeholder.begin.hogql' },
          2: { name: 'variable.parameter.placeholder.hogql' },
          3: { name: 'punctuation.definition.placeholder.end.hogql' },
        },
      },
      'placeholder-expression': {
        begin: '\\{',
        end: '\\}',
        name: 'meta.placeholder.expression.hogql',
        beginCaptures: { 0: { name: 'punctuation.definition.placeholder.begin.hogql' } },
        endCaptures: { 0: { name: 'punctuation.definition.placeholder.end.hogql' } },
        patterns: [{ include: '#expression' }],
      },
      'embedded-braces': {
        begin: '\\{',
        end: '\\}',
        name: 'meta.embedded.expression.hogql',
        beginCaptures: { 0: { name: 'punctuation.section.embedded.begin.hogql' } },
        endCaptures: { 0: { name: 'punctuation.section.embedded.end.hogql' } },
        patterns: [{ include: '#expression' }],
      },
      'hogqlx-tag': tagRule(true),
      'hogqlx-child-tag': tagRule(false),
      // Each alternative consumes its first char before the one-char lookbehind, so Oniguruma can
      // skip ahead to a digit or dot instead of trying the whole regex at every position.
      numbers: merged(
        [
          [`0${AFTER_NON_WORD('0')}[xX][0-9A-Fa-f]+(?:\\.[0-9A-Fa-f]*)?[pP][+-]?[0-9]+`, 'constant.numeric.float.hex.hogql'],
          [`0${AFTER_NON_WORD('0')}[xX][0-9A-Fa-f]+`, 'constant.numeric.hex.hogql'],
          [`0${AFTER_NON_WORD('0')}[bB][01]+`, 'constant.numeric.binary.hogql'],
          [
            `[0-9]${AFTER_NON_WORD('[0-9]')}[0-9]*\\.[0-9]*(?:[eE][+-]?[0-9]+)?|\\.${AFTER_NON_WORD('\\.')}[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]${AFTER_NON_WORD('[0-9]')}[0-9]*[eE][+-]?[0-9]+`,
            'constant.numeric.float.hogql',
          ],
          [`[0-9]${AFTER_NON_WORD('[0-9]')}[0-9]*`, 'constant.numeric.integer.hogql'],
        ],
        '',
        WORD_END,
      ),
      'lambda-params': {
        match: `(\\()\\s*+(${IDENT}(?:\\s*+,\\s*+${IDENT})*)\\s*+(\\))\\s*+(->)`,
        captures: {
          1: { name: 'punctuation.section.parens.begin.hogql' },
          2: {
            patterns: [
              { match: IDENT, name: 'variable.parameter.lambda.hogql' },
              { match: ',', name: 'punctuation.separator.comma.hogql' },
            ],
          },
          3: { name: 'punctuation.section.parens.end.hogql' },
          4: { name: 'keyword.operator.arrow.hogql' },
        },
      },
      // Everything that starts at the start of a word, in priority order, as ONE regex: this
      // measured faster than separate rules (fewer searches per token; see scripts/bench/grammar.ts).
      words: wordRules(kw, fn, shortcuts),
      'property-brackets': {
        // properties['$current_url']: brackets holding just one string literal, right after a name.
        // `[` comes first (the lookbehind checks the char before it): a regex that starts with a
        // literal char lets Oniguruma skip ahead to it.
        begin: "(\\[)(?<=[A-Za-z0-9_$`\"\\].]\\[)(?=\\s*+'(?:[^'\\\\]|\\\\.|'')*'\\s*+\\])",
        beginCaptures: { 1: { name: 'punctuation.section.brackets.begin.hogql' } },
        end: '\\]',
        endCaptures: { 0: { name: 'punctuation.section.brackets.end.hogql' } },
        patterns: [
          {
            begin: "'",
            end: "'(?!')",
            name: 'string.quoted.single.hogql',
            contentName: 'variable.other.property.hogql',
            beginCaptures: { 0: { name: 'punctuation.definition.string.begin.hogql' } },
            endCaptures: { 0: { name: 'punctuation.definition.string.end.hogql' } },
            patterns: [{ match: "''", name: 'constant.character.escape.quote.hogql' }, ...escapes("'")],
          },
        ],
      },
      // .name ?.name .`quoted` .1 .* after a value (merged into #punctuation)
      'property-accessor': {
        // both quoted forms share one group (same scope): each group is decoded on every #punctuation match
        match: `(\\?\\.|\\.)(?:(${IDENT})|(\`(?:[^\`\\\\]|\\\\.|\`\`)*\`|"(?:[^"\\\\]|\\\\.|"")*")|([0-9]+)${WORD_END}|(\\*))`,
        captures: {
          1: { name: 'punctuation.accessor.hogql' },
          2: { name: 'variable.other.property.hogql' },
          3: { name: 'variable.other.property.quoted.hogql' },
          4: { name: 'constant.numeric.integer.index.hogql' },
          5: { name: 'variable.language.wildcard.hogql' },
        },
      },
      'type-cast': {
        match: `(::)\\s*+(${IDENT})`,
        captures: { 1: { name: 'keyword.operator.cast.hogql' }, 2: { name: 'storage.type.hogql' } },
      },
      // The most frequent tokens first: in the merged #punctuation regex every alternative before
      // the one that matches is tried. None of these can start another punctuation rule.
      operators: mergeRules([
        [',', 'punctuation.separator.comma.hogql'],
        ['\\)', 'punctuation.section.parens.end.hogql'],
        [';', 'punctuation.terminator.statement.hogql'],
        ['\\[', 'punctuation.section.brackets.begin.hogql'],
        ['\\]', 'punctuation.section.brackets.end.hogql'],
        ['\\}', 'punctuation.section.braces.end.hogql'],
        ['->', 'keyword.operator.arrow.hogql'],
        [':=', 'keyword.operator.assignment.hogql'],
        ['\\?\\?', 'keyword.operator.nullish.hogql'],
        ['\\|\\|', 'keyword.operator.concat.hogql'],
        ['=~\\*?|!~\\*?|~\\*?', 'keyword.operator.regex.hogql'],
        ['==|!=|<>|<=|>=|=|<|>', 'keyword.operator.comparison.hogql'],
        ['[-+*/%]', 'keyword.operator.arithmetic.hogql'],
      ].map(([re, name]) =>
        // with the shortcuts, a `,` right after a `)` joins its match: `count(x), y`
        shortcuts && re === '\\)'
          ? { match: '(\\))(?:\\s*+(,))?', captures: { 1: { name }, 2: { name: 'punctuation.separator.comma.hogql' } } }
          : { match: re, name },
      ), ''),
      // after `?.` (property access) and `::Type` (type-cast), which start with the same chars
      'operators-late': merged([
        ['::', 'keyword.operator.cast.hogql'],
        ['[?:]', 'keyword.operator.ternary.hogql'],
      ]),
      // `(` is a plain token like `)`, not a region: an unclosed `(` in a hogql`…` template or a
      // marked Python string must not hide the host's closing quote.
      parens: { match: '\\(', name: 'punctuation.section.parens.begin.hogql' },
    },
  };
  // Every rule that starts with punctuation, a digit or `{` and is a plain match, in priority
  // order, as ONE regex. Vscode-oniguruma searches all regexes of a scanner on every token (no
  // cache for lines under 1,000 bytes), so each regex costs time on every token of the file,
  // while a merged one costs that once (see scripts/bench/grammar.ts).
  const r = grammar.repository;
  const fast = ['string-simple', 'placeholder-name'];
  const parts = ['operators', 'numbers', 'parens', 'property-accessor', 'operators-late', ...(shortcuts ? fast : [])];
  // without shortcuts, {name} is tried in the gate right before the {expression} region
  const delimited = shortcuts ? DELIMITED : DELIMITED.flatMap((k) => (k === 'placeholder-expression' ? ['placeholder-name', k] : [k]));
  if (!shortcuts) delete r['string-simple'];
  // Two regexes: the operators alone first (most punctuation tokens, so most matches decode only
  // their 13 groups; vscode-oniguruma reports every group of the regex that matched), then the rest.
  // With the shortcuts, a `,` or `)` right after any of the rest (a number, a string, `{name}`, `.x`)
  // joins its match: one search fewer, the same tokens (neither char starts another rule).
  r.punctuation = { patterns: [mergeRules([r.operators], ''), trailing(mergeRules(parts.slice(1).flatMap((k) => r[k].patterns ?? [r[k]]), ''))] };
  for (const k of parts) delete r[k];
  // Constructs that start with a rarely seen delimiter sit behind ONE zero-width gate whose
  // lookahead is exactly the union of their starts: the top-level scanner then holds one regex
  // for all of them instead of one each (each regex is searched to its next candidate on every
  // token). Inside the gate the first rule that matches wins, as before; the gate closes right
  // after it (`(?!\G)` matches once the position has moved past the gate's start).
  // Where a #punctuation rule handles the common form of a construct, the gate leaves it alone.
  const GATE_START = shortcuts
    ? { 'string-single': `'(?!${SIMPLE_STRING_REST})`, 'placeholder-expression': `\\{(?!${PLACEHOLDER_NAME_REST})` }
    : {};
  const alternatives = (rule) => (rule.begin ?? rule.match ? [rule.begin ?? rule.match] : rule.patterns.flatMap(alternatives));
  const starts = delimited.flatMap((k) => (GATE_START[k] ? [GATE_START[k]] : alternatives(r[k])));
  // The leading one-char class lets Oniguruma skip to a candidate position (it computes no
  // such map from the long lookahead alone): ~5% of the whole tokenizing time.
  // The common one-line forms of comments and quoted names are tried first in the operators regex
  // (it already stops at their first chars); the gate opens only where none of them matches.
  let notSimple = '';
  if (shortcuts) {
    const simple = simpleDelimited();
    r.punctuation.patterns[0] = mergeRules([...simple, r.punctuation.patterns[0]], '');
    notSimple = `(?!${simple.map((x) => `(?:${withoutGroups(x.match)})`).join('|')})`;
  }
  r.delimited = {
    begin: `(?=${charClass(starts.map(firstChar))})${notSimple}(?=${starts.map((re) => `(?:${withoutGroups(re)})`).join('|')})`,
    // with the shortcuts, a `)`, a `,` or both right after the construct join the gate's closing match
    end: shortcuts ? `(?!\\G)${TRAILING_PAREN_COMMA}` : '(?!\\G)',
    ...(shortcuts ? { endCaptures: trailingCaptures(0) } : {}),
    patterns: delimited.map((k) => ({ include: `#${k}` })),
  };
  return grammar;
}

// ---------------------------------------------------------------- main

function main() {
  const args = process.argv.slice(2);
  const fromIdx = args.indexOf('--from');
  if (fromIdx >= 0) refreshSubset(resolve(process.cwd(), args[fromIdx + 1]));
  if (!existsSync(SUBSET)) throw new Error(`missing ${SUBSET}; run with --from src/language/hogql/vocabulary.json`);
  const vocab = JSON.parse(readFileSync(SUBSET, 'utf8'));
  if (args.includes('--reference')) {
    process.stdout.write(JSON.stringify(hogqlGrammar(vocab, { shortcuts: false })));
    return;
  }
  const outputs = {
    'syntaxes/hogql.tmLanguage.json': hogqlGrammar(vocab),
    'syntaxes/hogql.markdown.injection.tmLanguage.json': markdownInjection(),
    'syntaxes/hogql.js-ts.injection.tmLanguage.json': jsInjection(),
    'syntaxes/hogql.python.injection.tmLanguage.json': pythonInjection(),
  };
  let stale = 0;
  for (const [rel, obj] of Object.entries(outputs)) {
    const text = JSON.stringify(obj, null, 2) + '\n';
    const path = join(root, rel);
    if (args.includes('--check')) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
        console.error(`stale: ${rel} (run node scripts/gen-grammar.mjs)`);
        stale++;
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${rel} (${text.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}

main();
