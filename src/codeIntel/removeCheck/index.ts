/**
 * "Remove the check" for a flag that is always on (fully rolled out) or always off (inactive, not in
 * PostHog): the edit that keeps the live branch of a simple `if`/`else`, `if (!…)`, ternary or
 * Python conditional expression, Go `if`, Ruby `if`/`unless`/modifier/ternary around a boolean flag
 * check, or why it is refused. Pure: no `vscode`.
 */
import { lex } from '../scan/lexer';
import type { FlagCall, SdkLanguage } from '../scan/types';
import { checkAt, isP, isW, refuse, type RemovalResult } from './common';
import { removeCheckGo } from './go';
import { removeCheckJs } from './js';
import { removeCheckPython } from './python';
import { removeCheckRuby } from './ruby';

export type { CheckRemoval, RemovalResult } from './common';

/** `enabled`: what the flag check always returns. */
export function removeCheck(text: string, lang: SdkLanguage, call: FlagCall, enabled: boolean): RemovalResult {
  if (call.kind !== 'enabled') return refuse('only boolean checks (isFeatureEnabled, feature_enabled, …) can be removed');
  if (lang === 'ruby') return removeCheckRuby(text, call, enabled);
  const toks = lex(text, lang);
  const check = checkAt(toks, call.nameStart, enabled, (t) => (lang === 'python' ? isW(t, 'not') : isP(t, '!')));
  if (!check) return refuse('the flag check is not a complete call');
  if (lang === 'go') return removeCheckGo(text, toks, check);
  return lang === 'js' ? removeCheckJs(text, toks, check) : removeCheckPython(text, toks, check);
}
