/**
 * "Remove the check" in Go: `if CHECK {A} else {B}` (with `else if` chains) and `if !CHECK {…}`,
 * where CHECK is always true or always false. Go has no conditional expression. posthog-go's
 * `IsFeatureEnabled(posthog.FeatureFlagPayload{…})` returns `(interface{}, error)` (PostHog/posthog-go
 * `posthog.go`, the `Client` interface, read 2026-12): its result is bound first (`on, err := …`,
 * `if on, err := …; …`) and then compared, which is refused; a check used directly as a condition
 * (a wrapper that returns a bool) is rewritten. Branches are braced by the language; an
 * `else if CHECK` branch and checks inside a larger condition are refused. A kept block that
 * declares names at its top level (`:=`, `var`, `const`, `type`) keeps its braces. Pure: no `vscode`.
 */
import { K, type Tok } from '../scan/lexer';
import { type Check, closeOf, isP, isW, refuse, type RemovalResult } from './common';
import { type BraceRules, bracedIf, declaresAtTop } from './js';

export function removeCheckGo(text: string, toks: Tok[], check: Check): RemovalResult {
  const { from, to, value } = check;
  const prev = toks[from - 1];
  const comparison = !!prev && toks[from - 2]?.e === prev.s && '=!<>'.includes(toks[from - 2].v);
  if (isP(prev, '=') && !comparison) {
    return refuse('the result is bound to variables first (posthog-go returns (interface{}, error)): only a check used directly as a condition can be removed');
  }
  if (isW(prev, 'if') && isP(toks[to + 1], '{')) return bracedIf(text, toks, from - 1, to, value, GO_BLOCKS);
  return refuse('the flag check is not the whole condition of an if statement');
}

/** The `{` after an `if`'s condition: the first one outside brackets (Go's own rule), or -1. */
function bodyOpen(toks: Tok[], ifIdx: number): number {
  for (let k = ifIdx + 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.k !== K.Punct) continue;
    if (t.v === '{') return k;
    if (t.v === '(' || t.v === '[') {
      k = closeOf(toks, k);
      if (k < 0) return -1;
    } else if (t.v === ')' || t.v === ']' || t.v === '}') return -1;
  }
  return -1;
}

const DECLARING = new Set(['var', 'const', 'type']);

const GO_BLOCKS: BraceRules = {
  bodyOpen,
  declares: (toks, open, close) =>
    declaresAtTop(toks, open, close, (t, i) => (t.k === K.Ident && DECLARING.has(t.v)) || (isP(t, ':') && isP(toks[i + 1], '=') && toks[i + 1].s === t.e)),
};
