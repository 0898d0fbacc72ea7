/**
 * What the lexer's speed-ups (issue #15) must not change: keywords found by a case-folded hash
 * instead of an uppercase copy of every word, operators matched by character code, and one object
 * shape for every token (the parser's property reads stay monomorphic).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lex } from '../../../src/language/hogql/lexer';
import { KEYWORDS } from '../../../src/language/hogql/keywords';

/** The lexer's keywords: vocabulary keywords plus its own extra spellings. */
const ALL_KEYWORDS = [...KEYWORDS, 'ASC', 'INFINITY', 'YYYY'];

function keywordOf(word: string): string | undefined {
  return lex(word).tokens[0].keyword;
}

describe('lexer speed-ups keep the tokens', () => {
  it('finds every keyword in any letter case, and only whole words', () => {
    for (const kw of ALL_KEYWORDS) {
      const mixed = [...kw].map((ch, i) => (i % 2 ? ch.toLowerCase() : ch)).join('');
      for (const spelling of [kw, kw.toLowerCase(), mixed]) assert.equal(keywordOf(spelling), kw, spelling);
      for (const near of [`${kw}x`, `x${kw}`, `${kw}_`, `${kw}1`, `$${kw}`, kw.slice(0, -1) || 'q']) {
        assert.equal(keywordOf(near), ALL_KEYWORDS.includes(near.toUpperCase()) ? near.toUpperCase() : undefined, near);
      }
    }
  });

  it('finds no keyword in random words, exactly like an uppercase lookup', () => {
    const set = new Set(ALL_KEYWORDS);
    const word = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,12}$/);
    fc.assert(fc.property(word, (w) => keywordOf(w) === (set.has(w.toUpperCase()) ? w.toUpperCase() : undefined)), { numRuns: 1000, seed: 15 });
  });

  it('matches the longest operator and refuses lone `!` and `|`', () => {
    const ops = (src: string): string[] => lex(src).tokens.filter((t) => t.kind !== 'eof').map((t) => `${t.kind}:${t.text}`);
    assert.deepEqual(ops('=~* !~* =~ !~ == != <> <= >= -> :: := ?? ?. ~* ||'), ['=~*', '!~*', '=~', '!~', '==', '!=', '<>', '<=', '>=', '->', '::', ':=', '??', '?.', '~*', '||'].map((o) => `op:${o}`));
    assert.deepEqual(ops('= < > - : ? ~ . , ; ( ) [ ] { } + * / %'), '= < > - : ? ~ . , ; ( ) [ ] { } + * / %'.split(' ').map((o) => `op:${o}`));
    assert.deepEqual(ops('! | & ^ @ \\'), ['unknown:!', 'unknown:|', 'unknown:&', 'unknown:^', 'unknown:@', 'unknown:\\']);
    assert.deepEqual(ops('a!=b|c'), ['ident:a', 'op:!=', 'ident:b', 'unknown:|', 'ident:c']);
    assert.deepEqual(ops('1 =~'), ['number:1', 'op:=~']);
  });

  it('gives every token the same properties in the same order', () => {
    const src = "select a, `b`, \"c\", 'd', f'e{x}f' 1.5 -> ?? \u00e9 /* c */ -- x\n from t where x = 1 'open";
    const shapes = new Set(lex(src).tokens.map((t) => Object.keys(t).join(',')));
    assert.deepEqual([...shapes], ['kind,start,end,text,keyword,value,unterminated']);
  });
});
