/**
 * The PostHog SDK scanner: flag checks, `capture` calls and SDK `init`s in TS/JS/JSX/TSX, Python,
 * Go and Ruby source text, plus HogQL snippets (`hogql` tagged templates, marked strings). One
 * lexing pass, then a walk over the tokens; no grammar, no parse tree. Pure: no `vscode`.
 */
import { braceOf, group, lineGroup, named, positional, strOf, type Group } from './args';
import { K, lex, type Tok } from './lexer';
import { BARE_CALLS, CAPTURE_METHODS, FLAG_COMPONENT, FLAG_METHODS, HOST_OPTIONS, TOKEN_OPTIONS, UI_HOST_OPTIONS } from './sdk';
import type { CaptureCall, FlagCall, HogqlSnippet, InitCall, PropertyKey, ScanResult, SdkLanguage } from './types';

export { mayHaveSdkCalls, sdkLanguageOf } from '../gate';

const isP = (t: Tok | undefined, v: string): boolean => !!t && t.k === K.Punct && t.v === v;

export function scan(text: string, lang: SdkLanguage): ScanResult {
  const toks = lex(text, lang);
  const result: ScanResult = { flags: [], captures: [], inits: [], hogql: [] };
  const flagMethods = FLAG_METHODS[lang];
  const captureMethods = CAPTURE_METHODS[lang];
  /** Where the last flag or capture call ends: a Go struct literal inside one is its argument, not a use of its own. */
  let covered = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === K.Marker) {
      markedSnippet(toks, i, text, lang, result.hogql);
      continue;
    }
    if (t.k === K.Str) {
      if (lang === 'python') selfMarkedSnippet(t, result.hogql);
      continue;
    }
    if (t.k !== K.Ident) continue;
    const name = t.v;
    if (lang === 'js' && name === 'hogql' && toks[i + 1]?.template && !isP(toks[i - 1], '.')) {
      result.hogql.push(snippetOf(toks[i + 1]));
      continue;
    }
    if (lang === 'js' && name === FLAG_COMPONENT && isP(toks[i - 1], '<')) {
      const f = flagComponent(toks, i);
      if (f) result.flags.push(f);
      continue;
    }
    const open = toks[i + 1];
    if (!isP(open, '(')) {
      if (lang === 'python' && isP(toks[i - 1], '.') && isP(open, '=') && !isP(toks[i + 2], '=')) pythonAssignedInit(toks, i, result.inits);
      else if (lang === 'go' && isP(open, '{') && t.s >= covered) goLiteral(toks, i, result);
      else if (lang === 'ruby' && isP(toks[i - 1], '.') && (flagMethods[name] || captureMethods.has(name)) && rubyBareArgs(toks, i, text)) {
        const g = lineGroup(toks, i + 1, text);
        if (flagMethods[name]) result.flags.push(flagCall(toks, i, lang, flagMethods[name], g));
        else result.captures.push(captureCall(toks, i, lang, g));
      }
      continue;
    }
    const receiver = isP(toks[i - 1], '.');
    const kind = flagMethods[name];
    if (kind && (receiver || BARE_CALLS.has(name))) {
      const f = flagCall(toks, i, lang, kind);
      result.flags.push(f);
      covered = f.end;
    } else if (receiver && captureMethods.has(name)) {
      const c = captureCall(toks, i, lang);
      result.captures.push(c);
      covered = c.end;
    } else {
      const init = initCall(toks, i, lang, receiver);
      if (init) result.inits.push(init);
    }
  }
  return result;
}

function endOf(toks: Tok[], g: Group): number {
  const t = toks[Math.min(g.close, toks.length - 1)];
  return t ? t.e : 0;
}

/**
 * Ruby calls without parentheses, `posthog.is_feature_enabled 'f', uid` and `posthog.capture
 * distinct_id: 'u', event: 'e'`: the first argument, on the name's line, is a string or a keyword.
 */
function rubyBareArgs(toks: Tok[], i: number, text: string): boolean {
  const a = toks[i + 1];
  if (!a || text.slice(toks[i].e, a.s).includes('\n')) return false;
  return a.k === K.Str || (a.k === K.Ident && isP(toks[i + 2], ':') && !isP(toks[i + 3], ':'));
}

/**
 * posthog-go struct literals built apart from the call they go to: `posthog.FeatureFlagPayload{Key:
 * "f", …}` (a flag use, kind `struct`) and `posthog.Capture{Event: "e", Properties: …}` (a capture).
 */
function goLiteral(toks: Tok[], i: number, result: ScanResult): void {
  const t = toks[i];
  if ((t.v !== 'FeatureFlagPayload' && t.v !== 'Capture') || !isP(toks[i - 1], '.') || !isPosthog(toks[i - 2])) return;
  const obj = group(toks, i + 1, true);
  const end = endOf(toks, obj);
  if (t.v === 'Capture') {
    const call: CaptureCall = { method: t.v, properties: [], nameStart: t.s, nameEnd: t.e, end };
    goCaptureFields(toks, obj, call);
    result.captures.push(call);
    return;
  }
  const call: FlagCall = { method: t.v, kind: 'struct', nameStart: t.s, nameEnd: t.e, end };
  const key = strOf(toks, named(obj, 'Key'));
  if (key) call.key = key;
  result.flags.push(call);
}

function goCaptureFields(toks: Tok[], obj: Group, call: CaptureCall): void {
  const event = strOf(toks, named(obj, 'Event'));
  if (event) call.event = event;
  const props = named(obj, 'Properties');
  if (props) propertyKeys(toks, props.from, props.to, 'go', call);
}

function flagCall(toks: Tok[], i: number, lang: SdkLanguage, kind: FlagCall['kind'], args?: Group): FlagCall {
  const t = toks[i];
  const g = args ?? group(toks, i + 1);
  const call: FlagCall = { method: t.v, kind, nameStart: t.s, nameEnd: t.e, end: endOf(toks, g) };
  if (kind === 'listener') return call;
  let key;
  if (lang === 'go') {
    // client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "…", DistinctId: …}); GetFeatureFlag likewise
    const brace = braceOf(toks, positional(g)[0]);
    if (brace !== undefined) key = strOf(toks, named(group(toks, brace, true), 'Key'));
    else key = strOf(toks, positional(g)[0]);
  } else {
    key = strOf(toks, positional(g)[0]) ?? strOf(toks, named(g, lang === 'python' ? 'key' : 'flag_key'));
  }
  if (key) call.key = key;
  return call;
}

/** `<PostHogFeature flag="key" …>` or `flag={'key'}`. */
function flagComponent(toks: Tok[], i: number): FlagCall | undefined {
  const t = toks[i];
  for (let j = i + 1; j < Math.min(toks.length, i + 200); j++) {
    const a = toks[j];
    if (isP(a, '>') || isP(a, '<')) break;
    if (a.k === K.Ident && a.v === 'flag' && isP(toks[j + 1], '=')) {
      const v = toks[j + 2];
      const s = v?.k === K.Str ? v : isP(v, '{') && toks[j + 3]?.k === K.Str && isP(toks[j + 4], '}') ? toks[j + 3] : undefined;
      const call: FlagCall = { method: FLAG_COMPONENT, kind: 'component', nameStart: t.s, nameEnd: t.e, end: (s ?? a).e };
      if (s?.str) call.key = s.str;
      return call;
    }
  }
  return undefined;
}

function captureCall(toks: Tok[], i: number, lang: SdkLanguage, args?: Group): CaptureCall {
  const t = toks[i];
  const g = args ?? group(toks, i + 1);
  const call: CaptureCall = { method: t.v, properties: [], nameStart: t.s, nameEnd: t.e, end: endOf(toks, g) };
  const pos = positional(g);
  let event;
  let props;
  if (lang === 'js') {
    const brace = braceOf(toks, pos[0]);
    if (brace !== undefined && toks[pos[0].from] === toks[brace]) {
      // posthog-node: capture({ distinctId, event: '…', properties: {…} })
      const obj = group(toks, brace, true);
      event = strOf(toks, named(obj, 'event'));
      props = named(obj, 'properties');
    } else {
      event = strOf(toks, pos[0]);
      props = pos[1];
    }
  } else if (lang === 'python') {
    // v5: capture(distinct_id, 'event', {…}); v6: capture('event', distinct_id=…, properties={…})
    event = strOf(toks, named(g, 'event')) ?? strOf(toks, pos.length >= 2 ? pos[1] : pos[0]);
    props = named(g, 'properties') ?? (pos.length >= 3 ? pos[2] : undefined);
  } else if (lang === 'go') {
    const brace = braceOf(toks, pos[0]);
    if (brace !== undefined) goCaptureFields(toks, group(toks, brace, true), call);
    return call;
  } else {
    // keyword arguments, or one explicit hash: capture({ :event => '…' })
    const brace = braceOf(toks, pos[0]);
    const obj = brace !== undefined && toks[pos[0].from] === toks[brace] ? group(toks, brace, true) : g;
    event = strOf(toks, named(obj, 'event'));
    props = named(obj, 'properties');
  }
  if (event) call.event = event;
  if (props) propertyKeys(toks, props.from, props.to, lang, call);
  return call;
}

/** Keys of a literal properties object and its range; in Go also `NewProperties().Set("key", …)` chains. */
function propertyKeys(toks: Tok[], from: number, to: number, lang: SdkLanguage, call: CaptureCall): void {
  const out: PropertyKey[] = (call.properties = []);
  const brace = braceOf(toks, { from, to });
  if (brace !== undefined) {
    const obj = group(toks, brace, true);
    call.propsStart = toks[brace].e;
    call.propsEnd = toks[obj.close]?.s ?? toks[toks.length - 1].e;
    for (const item of obj.items) {
      if (item.key !== undefined && item.keyTok) out.push({ name: item.key, start: item.keyTok.s, end: item.keyTok.e });
    }
  }
  if (lang === 'go') {
    for (let j = from; j < to - 2; j++) {
      const s = toks[j + 2];
      if (toks[j].k === K.Ident && toks[j].v === 'Set' && isP(toks[j + 1], '(') && s?.k === K.Str && s.str!.value !== undefined) {
        out.push({ name: s.str!.value, start: s.s, end: s.e });
      }
    }
  }
}

const isPosthog = (t: Tok | undefined): boolean => t?.k === K.Ident && t.v.toLowerCase() === 'posthog';

/** SDK initialisation calls: the project token and the host options. */
function initCall(toks: Tok[], i: number, lang: SdkLanguage, receiver: boolean): InitCall | undefined {
  const t = toks[i];
  const prev = toks[i - 1];
  const recv = receiver ? toks[i - 2] : undefined;
  let method: string | undefined;
  if (lang === 'js' && t.v === 'init' && receiver && isPosthog(recv)) method = 'init';
  else if (lang === 'js' && t.v === 'PostHog' && prev?.k === K.Ident && prev.v === 'new') method = 'PostHog';
  else if (lang === 'python' && (t.v === 'Posthog' || t.v === 'PostHog') && !isP(prev, '.')) method = t.v;
  else if (lang === 'go' && (t.v === 'New' || t.v === 'NewWithConfig') && receiver && isPosthog(recv)) method = t.v;
  else if (lang === 'ruby' && t.v === 'new' && receiver && recv?.v === 'Client' && isP(toks[i - 3], ':')) method = 'PostHog::Client.new';
  if (!method) return undefined;
  const g = group(toks, i + 1);
  const pos = positional(g);
  const init: InitCall = { method, nameStart: t.s, nameEnd: t.e, end: endOf(toks, g) };
  const token = strOf(toks, pos[0]) ?? strOf(toks, named(g, TOKEN_OPTIONS));
  if (token) init.token = token;
  // options: an object/struct literal (JS, Go) or keyword arguments (Python, Ruby)
  const brace = braceOf(toks, pos[1]);
  const options = brace !== undefined ? group(toks, brace, true) : g;
  const host = named(options, HOST_OPTIONS);
  const hostLit = strOf(toks, host);
  if (host && hostLit) {
    init.host = hostLit;
    init.hostOption = host.key!;
  }
  const ui = strOf(toks, named(options, UI_HOST_OPTIONS));
  if (ui) init.uiHost = ui;
  return init;
}

/** Python module-level configuration: `posthog.api_key = 'phc_…'`, `posthog.host = '…'`. */
function pythonAssignedInit(toks: Tok[], i: number, out: InitCall[]): void {
  const t = toks[i];
  const recv = toks[i - 2];
  const value = toks[i + 2];
  if (recv?.k !== K.Ident || recv.v !== 'posthog' || value?.k !== K.Str) return;
  if (TOKEN_OPTIONS.has(t.v)) out.push({ method: `posthog.${t.v}`, token: value.str!, nameStart: t.s, nameEnd: t.e, end: value.e });
  else if (HOST_OPTIONS.has(t.v)) out.push({ method: `posthog.${t.v}`, host: value.str!, hostOption: t.v, nameStart: t.s, nameEnd: t.e, end: value.e });
}

function snippetOf(t: Tok): HogqlSnippet {
  const s = t.str!;
  return { contentStart: s.contentStart, contentEnd: s.contentEnd, dynamic: s.value === undefined };
}

/** `/* hogql *\/` before a string or template (JS); `# hogql` then a string starting on the next line (Python). */
function markedSnippet(toks: Tok[], i: number, text: string, lang: SdkLanguage, out: HogqlSnippet[]): void {
  const marker = toks[i];
  const next = toks[i + 1];
  if (lang === 'js') {
    if (next?.k === K.Str) out.push(snippetOf(next));
    return;
  }
  // the first string that starts on the line after the marker
  const lineEnd = text.indexOf('\n', marker.e);
  if (lineEnd < 0) return;
  const nextLineEnd = text.indexOf('\n', lineEnd + 1);
  for (let j = i + 1; j < toks.length; j++) {
    const t = toks[j];
    if (nextLineEnd >= 0 && t.s > nextLineEnd) return;
    if (t.k === K.Str) {
      if (t.s > lineEnd) out.push(snippetOf(t));
      return;
    }
  }
}

/** A Python triple-quoted string whose text starts with `-- hogql` or `/* hogql *\/`. */
function selfMarkedSnippet(t: Tok, out: HogqlSnippet[]): void {
  const s = t.str!;
  if (s.contentStart - s.start < 3) return;
  const v = s.value;
  if (v !== undefined && /^\s*(--\s*hogql\b|\/\*\s*hogql\s*\*\/)/i.test(v)) out.push(snippetOf(t));
}
