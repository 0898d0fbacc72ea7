/**
 * The cheap test that decides whether code intelligence looks at a document at all: its language
 * is one the scanner reads and its text mentions PostHog (or HogQL). Kept apart from the scanner so
 * the activation bundle can hold it without the scanner. Pure: no `vscode`.
 */
import type { SdkLanguage } from './scan/types';

const LANGUAGE_IDS: Readonly<Record<string, SdkLanguage>> = {
  typescript: 'js',
  javascript: 'js',
  typescriptreact: 'js',
  javascriptreact: 'js',
  python: 'python',
  go: 'go',
  ruby: 'ruby',
};

export const SDK_LANGUAGE_IDS: readonly string[] = Object.keys(LANGUAGE_IDS);

/** The scanner's language for a VS Code language id, if it reads it. */
export function sdkLanguageOf(languageId: string): SdkLanguage | undefined {
  return LANGUAGE_IDS[languageId];
}

/** Whether a text may hold PostHog calls or HogQL snippets. */
export function mayHaveSdkCalls(text: string): boolean {
  return /posthog|hogql/i.test(text);
}
