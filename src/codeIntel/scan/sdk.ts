/**
 * Which SDK calls the scanner recognises, per language. Facts from the SDKs' docs and from the
 * official extension's detection tables (PostHog/posthog-vscode `src/services/treeSitterService.ts`,
 * read 2026-12): posthog-js `isFeatureEnabled`, `getFeatureFlag`, `getFeatureFlagPayload`,
 * `getFeatureFlagResult`, `isFeatureFlagEnabled`, `onFeatureFlags(cb)`, the React hooks and
 * `<PostHogFeature flag="…">`; posthog-node the same methods with `(key, distinctId)` and
 * `capture({ distinctId, event, properties })`; posthog-python `feature_enabled`, `is_feature_enabled`,
 * `get_feature_flag`, `get_feature_flag_payload`, `capture(distinct_id, event)` (v5) or
 * `capture(event, distinct_id=…)` (v6); posthog-go `IsFeatureEnabled`, `GetFeatureFlag`,
 * `GetFeatureFlagPayload` with `FeatureFlagPayload{Key: …}` and `Enqueue(posthog.Capture{Event: …})`;
 * posthog-ruby `is_feature_enabled`, `get_feature_flag`, `get_feature_flag_payload` and
 * `capture(distinct_id:, event:, properties:)`.
 * posthog-ruby (PostHog/posthog-ruby `lib/posthog/client.rb`, read 2026-12): the flag key is the first
 * positional argument (`is_feature_enabled(flag_key, distinct_id, groups: …)`), never a keyword, and is
 * compared with the flag list's string keys (`key == flag[:key]`), so a symbol (`:flag`) matches no
 * flag and is not read as a key; Ruby calls may omit parentheses (`posthog.is_feature_enabled 'f', id`).
 * posthog-go structs may be built apart from the call they go to: `p := posthog.FeatureFlagPayload{Key: …}`,
 * `msg := posthog.Capture{Event: …, Properties: posthog.Properties{"k": v}}`.
 */
import type { FlagCallKind, SdkLanguage } from './types';

export const FLAG_METHODS: Record<SdkLanguage, Readonly<Record<string, FlagCallKind>>> = {
  js: {
    isFeatureEnabled: 'enabled',
    isFeatureFlagEnabled: 'enabled',
    getFeatureFlag: 'variant',
    getFeatureFlagResult: 'variant',
    getFeatureFlagPayload: 'payload',
    onFeatureFlags: 'listener',
    useFeatureFlagEnabled: 'enabled',
    useFeatureFlagVariantKey: 'variant',
    useFeatureFlagPayload: 'payload',
  },
  python: {
    feature_enabled: 'enabled',
    is_feature_enabled: 'enabled',
    get_feature_flag: 'variant',
    get_feature_flag_payload: 'payload',
  },
  go: {
    IsFeatureEnabled: 'enabled',
    GetFeatureFlag: 'variant',
    GetFeatureFlagPayload: 'payload',
  },
  ruby: {
    is_feature_enabled: 'enabled',
    get_feature_flag: 'variant',
    get_feature_flag_payload: 'payload',
  },
};

/** Called without a receiver (React hooks); every other method needs `receiver.`. */
export const BARE_CALLS = new Set(['useFeatureFlagEnabled', 'useFeatureFlagVariantKey', 'useFeatureFlagPayload']);

export const CAPTURE_METHODS: Record<SdkLanguage, ReadonlySet<string>> = {
  js: new Set(['capture']),
  python: new Set(['capture']),
  go: new Set(['Enqueue']),
  ruby: new Set(['capture']),
};

/** The JSX component whose `flag` attribute is a flag key. */
export const FLAG_COMPONENT = 'PostHogFeature';

/** Names of the host option in each SDK's init options. */
export const HOST_OPTIONS = new Set(['api_host', 'host', 'Endpoint']);
export const UI_HOST_OPTIONS = new Set(['ui_host']);
/** Keyword/field names of the project token. */
export const TOKEN_OPTIONS = new Set(['api_key', 'project_api_key', 'token']);
