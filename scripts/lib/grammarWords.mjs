// The word rules of scripts/gen-grammar.mjs: keyword classes, function calls, and the one
// #words regex that holds every rule starting at the start of a word.
import {
  IDENT, NOT_AFTER_WORD, TRAILING_OPERATOR, WORD_END, ci, countGroups, merged, mergeRules, trailingOperatorCaptures, trie,
} from './grammarRegex.mjs';

// ---------------------------------------------------------------- keyword classes

// Keywords that are far more often column names than keywords; they are scoped
// as identifiers. DATE/TIME/TIMESTAMP are keywords only before a string literal.
const SOFT = ['ID', 'KEY', 'NAME'];
const TYPED_LITERAL = ['DATE', 'TIME', 'TIMESTAMP'];
const CONSTANTS = ['NULL', 'NAN', 'INF'];
const KEYWORD_CLASSES = [
  ['keyword.control.query.hogql', ['SELECT', 'FROM', 'WHERE', 'PREWHERE', 'GROUP', 'BY', 'HAVING', 'ORDER', 'LIMIT',
    'OFFSET', 'WITH', 'UNION', 'INTERSECT', 'EXCEPT', 'QUALIFY', 'WINDOW', 'SETTINGS', 'SAMPLE', 'JOIN', 'ON', 'USING',
    'PIVOT', 'UNPIVOT', 'VALUES']],
  ['keyword.control.conditional.hogql', ['CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'IF']],
  ['keyword.control.flow.hogql', ['FN', 'FUN', 'LET', 'RETURN', 'THROW', 'TRY', 'CATCH', 'FINALLY', 'WHILE', 'FOR', 'LAMBDA']],
  ['keyword.operator.logical.hogql', ['AND', 'OR', 'NOT']],
  ['keyword.operator.word.hogql', ['LIKE', 'ILIKE', 'IN', 'IS', 'BETWEEN', 'COHORT']],
  ['keyword.other.join.hogql', ['LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'ANTI', 'SEMI', 'ASOF', 'NATURAL', 'POSITIONAL']],
  ['keyword.other.order.hogql', ['ASC', 'ASCENDING', 'DESC', 'DESCENDING', 'NULLS', 'FIRST', 'LAST']],
  ['keyword.other.unit.hogql', ['SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'YYYY']],
];

export function keywordRules(keywords) {
  const known = new Set(keywords);
  const classified = new Set([...SOFT, ...TYPED_LITERAL, ...CONSTANTS]);
  const classes = KEYWORD_CLASSES.map(([scope, words]) => {
    for (const w of words) {
      if (!known.has(w) && w !== 'ASC' && w !== 'YYYY') throw new Error(`keyword ${w} not in vocabulary`);
      classified.add(w);
    }
    return [ci(words), scope];
  });
  const constants = [
    [ci(['true', 'false']), 'constant.language.boolean.hogql'],
    [ci(['null']), 'constant.language.null.hogql'],
    [ci(['inf', 'infinity', 'nan']), 'constant.language.numeric.hogql'],
  ];
  // The classes are disjoint, so their order is free: the most frequent first (each class
  // tried before the matching one costs time on every keyword).
  const [query, ...rest] = classes;
  const parts = [query, [ci(keywords.filter((k) => !classified.has(k))), 'keyword.other.hogql'], ...rest, ...constants];
  // Gate: one trie walk over every word of every class decides whether to try the classes at all.
  const every = ['true', 'false', 'null', 'inf', 'infinity', 'nan']
    .concat(KEYWORD_CLASSES.flatMap(([, words]) => words))
    .concat(keywords.filter((k) => !classified.has(k)));
  const table = {
    match: `(${ci(['FROM', 'JOIN'])})\\s+(${IDENT}(?:\\.${IDENT})*)${WORD_END}(?!\\s*[.(])`,
    captures: { 1: { name: 'keyword.control.query.hogql' }, 2: { name: 'entity.name.table.hogql' } },
  };
  const typedRe = `(?:${ci(TYPED_LITERAL)})(?=\\s*+')|${ci(['time'])}(?=\\s++${ci(['zone'])}${WORD_END})`;
  // The shared form: DATE '…' tried inside the keyword.other group, FROM/JOIN's table as an optional
  // tail after the query group (the table rule and DATE rule of the reference form, fewer groups).
  const shared = parts.map(([re, scope], i) => [i === 1 ? `${re}|${typedRe}` : re, scope]);
  const sharedRule = sharedKeywordRule(shared, ci(every.concat(TYPED_LITERAL)));
  return {
    words: ci(every.concat(TYPED_LITERAL)),
    table,
    typed: { match: typedRe, name: 'keyword.other.hogql' },
    sharedRule,
    rule: merged(parts, `(?=${ci(every)}${WORD_END})`, WORD_END),
    all: keywords.filter((k) => !SOFT.includes(k)).concat(['ASC', 'YYYY', 'INFINITY']),
  };
}

/**
 * The keyword classes of the #words regex with the shortcuts: one keyword (the classes in the
 * given order), BY right after a query keyword (GROUP BY, ORDER BY: a group of its own, since a
 * repeated group keeps only its last match; not before `(` or `->`, where BY alone would be tried
 * as a call or a lambda parameter first), then FROM/JOIN's table.
 */
function sharedKeywordRule(shared, every) {
  const captures = {};
  const add = (scope) => (captures[Object.keys(captures).length + 1] = { name: scope });
  const alts = shared.map(([re, scope], i) => {
    add(scope);
    if (i > 0) return `(${re})`;
    add(scope); // BY
    return `(${re})(?:\\s++(${ci(['BY'])})${WORD_END}(?!\\s*+(?:\\(|->)))?`;
  });
  add('entity.name.table.hogql');
  const table = `(?:(?<=${ci(['FROM'])}|${ci(['JOIN'])})\\s++(${IDENT}(?:\\.${IDENT})*)${WORD_END}(?!\\s*+[.(]))?`;
  return { match: `(?=${every}${WORD_END})(?:${alts.join('|')})${WORD_END}${table}`, captures };
}

// ---------------------------------------------------------------- functions

export function functionRules(vocab, keywordWords) {
  const kwLower = new Set(keywordWords.map((k) => k.toLowerCase()));
  const fns = vocab.functions;
  const isKw = (f) => kwLower.has(f.name.toLowerCase());
  const pick = (pred) => fns.filter(pred).map((f) => f.name);
  // Names that are also keywords (`if`, `in`, `not`, `left`…) count as calls only when `(` follows at once.
  const alts = [
    [pick((f) => isKw(f) && f.caseInsensitive), '(?=\\()', true],
    [pick((f) => isKw(f) && !f.caseInsensitive), '(?=\\()', false],
    [pick((f) => !isKw(f) && f.caseInsensitive), '(?=\\s*+\\()', true],
    [pick((f) => !isKw(f) && !f.caseInsensitive), '(?=\\s*+\\()', false],
  ]
    .filter(([names]) => names.length)
    .map(([names, look, insensitive]) => (insensitive ? ci(names) : trie(names)) + look);

  // Aggregate combinators: a name listed in the vocabulary that is another aggregate plus
  // combinator suffixes (sumIf, uniqExactIf, avgMapMerge) is split into base + suffix.
  const aggregates = new Set(pick((f) => f.kind === 'aggregate'));
  const suffixRe = new RegExp(`^(?:${vocab.combinatorSuffixes.join('|')})+$`);
  const combined = [];
  const bases = new Set();
  for (const name of aggregates) {
    // the shortest aggregate prefix is the root: avgMapMerge → avg + MapMerge
    for (let i = 1; i < name.length; i++) {
      const base = name.slice(0, i);
      if (aggregates.has(base) && suffixRe.test(name.slice(i))) {
        combined.push(name);
        bases.add(base);
        break;
      }
    }
  }
  const suffixes = trie(vocab.combinatorSuffixes);
  // Calls are match rules for `name(` (not begin/end regions): this keeps every word-start rule
  // in one regex, which is what makes the grammar fast. Arguments are scoped as plain expressions.
  return {
    combined,
    // One rule, one set of groups: an aggregate with combinators (sumIf → sum + If) or a known
    // function is support.function, any other name entity.name.function. Shared groups keep the
    // merged #words regex small: vscode-oniguruma returns every group of the regex that matched, as
    // one object each, on every word token.
    rules: [
      {
        match:
          `((?:((?=(?:${trie(combined)})\\s*+\\()(${trie([...bases])})((?:${suffixes})+)|(?:${alts.join('|')}))` +
          `|(?!${ci(keywordWords)}${WORD_END})(${IDENT}))\\s*+(\\())`,
        captures: {
          1: { name: 'meta.function-call.hogql' },
          2: { name: 'support.function.hogql' },
          3: { name: 'support.function.aggregate.base.hogql' },
          4: { name: 'support.function.combinator.hogql' },
          5: { name: 'entity.name.function.hogql' },
          6: { name: 'punctuation.definition.arguments.begin.hogql' },
        },
      },
    ],
  };
}

/**
 * Everything that starts at the start of a word, in priority order, as ONE regex: this measured
 * faster than separate rules (fewer searches per token; see scripts/bench/grammar.ts).
 * With the shortcuts: a trailing `,` / `)` joins any word's match (one search fewer, same
 * tokens: neither char starts another rule), and FROM/JOIN's table and DATE '…' share the
 * keyword groups (every group of the regex is decoded on every word token).
 */
export function wordRules(kw, fn, shortcuts) {
  const callGate = mergeRules(
    [
      // lambda parameter: x -> … (the arrow is the next token, from #punctuation: one group fewer)
      { match: `${IDENT}(?=\\s*+->)`, name: 'variable.parameter.lambda.hogql' },
      ...fn.rules,
    ],
    // gate: only a word followed by `(` or `->` reaches the big function-name tries
    `(?=${IDENT}\\s*+(?:\\(|->))`,
  );
  const tail = [
    // the object of a property chain: person.properties, properties['x']
    { match: `${IDENT}(?=\\??\\.|\\[\\s*+')`, name: 'variable.other.object.hogql' },
    { match: '\\$[A-Za-z0-9_$]*', name: 'variable.other.dollar.hogql' },
    { match: IDENT, name: 'variable.other.hogql' },
  ];
  if (!shortcuts) {
    // FROM events / JOIN persons: the table name; DATE '…', TIMESTAMP '…', TIME ZONE: soft keywords
    return mergeRules([callGate, kw.table, kw.typed, kw.rule, ...tail], NOT_AFTER_WORD);
  }
  // A plain name right after a keyword (`AS c`, `WHERE event`, `WHEN a`) joins the keyword's match
  // when it is certainly tokenized as a plain name on its own: not a keyword (nor DATE/TIME), not
  // `$x`, not a call, a lambda parameter or an object, and no quote after it (an f-string, DATE '…',
  // or an injected `hogql\`` / `r"""` start). Any other word is left to the next search.
  const plain = `(?!\\$)(?!${kw.words}${WORD_END})${IDENT}(?!\\s*+(?:\\(|->|\\??\\.|\\[|['"\`]))`;
  // … or an integer (`LIMIT 100`, `INTERVAL 7`): digits the number rule takes whole as an integer
  const integer = `[0-9]++(?![A-Za-z0-9_$.])`;
  const keywords = { match: `${kw.sharedRule.match}(?:\\s++(?=[A-Za-z_0-9])(?:(${plain})|(${integer})))?`, captures: { ...kw.sharedRule.captures } };
  const g = countGroups(keywords.match);
  keywords.captures[g - 1] = { name: 'variable.other.hogql' };
  keywords.captures[g] = { name: 'constant.numeric.integer.hogql' };
  const rule = mergeRules([callGate, keywords, ...tail], NOT_AFTER_WORD);
  const n = countGroups(rule.match);
  // After any word: a `)`, a `,` or an operator joins the match.
  return { match: rule.match + TRAILING_OPERATOR, captures: { ...rule.captures, ...trailingOperatorCaptures(n) } };
}
