/**
 * What the PostHog SDK scanner finds in source text. Offsets are UTF-16 indexes into the text
 * (what `TextDocument.positionAt` takes). Pure types: no `vscode` here.
 */

/** The languages the scanner reads (VS Code language ids map onto these in `scan.ts`). */
export type SdkLanguage = 'js' | 'python' | 'go' | 'ruby';

/** A string literal: `value` is undefined when it is not literal (substitutions, interpolation). */
export interface StrLit {
  value: string | undefined;
  /** The literal with its quotes. */
  start: number;
  end: number;
  /** Its content, without quotes (an unterminated string ends at the end of its line). */
  contentStart: number;
  contentEnd: number;
}

/** `struct`: a posthog-go `FeatureFlagPayload{Key: …}` literal built apart from the call it goes to. */
export type FlagCallKind = 'enabled' | 'variant' | 'payload' | 'listener' | 'component' | 'struct';

export interface FlagCall {
  /** The SDK method (or component) name, e.g. `isFeatureEnabled`, `feature_enabled`, `PostHogFeature`. */
  method: string;
  kind: FlagCallKind;
  /** The flag key's string literal, when there is one; `key.value` undefined when it is not literal. */
  key?: StrLit;
  /** The method name's range and the end of the call (after `)`, `}`, or the last token seen). */
  nameStart: number;
  nameEnd: number;
  end: number;
}

export interface PropertyKey {
  name: string;
  start: number;
  end: number;
}

export interface CaptureCall {
  method: string;
  event?: StrLit;
  /** Keys of the properties object when it is a literal. */
  properties: PropertyKey[];
  /** The properties object literal's inside: just after its `{` to its `}` (or where reading stopped). */
  propsStart?: number;
  propsEnd?: number;
  nameStart: number;
  nameEnd: number;
  end: number;
}

export interface InitCall {
  /** `init`, `PostHog`, `Posthog`, `New`, `NewWithConfig`, `PostHog::Client.new`, `api_key =`… */
  method: string;
  token?: StrLit;
  /** The host option's literal and the option's name (`api_host`, `host`, `Endpoint`). */
  host?: StrLit;
  hostOption?: string;
  uiHost?: StrLit;
  nameStart: number;
  nameEnd: number;
  end: number;
}

/** A HogQL query embedded in code: a `hogql` tagged template, a marked string. */
export interface HogqlSnippet {
  /** The query text's range (the literal's content). */
  contentStart: number;
  contentEnd: number;
  /** Whether it has substitutions (`${…}`), which cannot run as they are. */
  dynamic: boolean;
}

export interface ScanResult {
  flags: FlagCall[];
  captures: CaptureCall[];
  inits: InitCall[];
  hogql: HogqlSnippet[];
}
