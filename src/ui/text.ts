/**
 * How messages read on screen (pure; no `vscode`): the one place the "PostHog" prefix is added,
 * and plain text for modals (VS Code renders a modal's message and detail as plain text, so
 * markdown backticks would show literally).
 */

/** Prefixes "PostHog: " unless the message already starts with the product's name. */
export function withPrefix(message: string): string {
  return /^PostHog\b/.test(message) ? message : `PostHog: ${message}`;
}

/** Markdown code spans (`x`) as quotes (“x”); a stray backtick becomes an apostrophe. */
export function plainText(text: string): string {
  return text.replace(/`([^`\n]*)`/g, '“$1”').replace(/`/g, '’');
}
