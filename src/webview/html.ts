import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce per page load: 128 bits from a CSPRNG, as 32 hex characters. */
export function makeNonce(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The Content-Security-Policy of every webview: nothing by default; scripts only from our own files
 * carrying the page's nonce; styles and images only from the extension (`cspSource`).
 * No inline script, no inline handlers, no eval.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export interface PageAssets {
  title: string;
  scripts: vscode.Uri[];
  styles: vscode.Uri[];
  /** Root element id the script renders into. */
  rootId: string;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML shell of a webview page. Data never goes into this string: it arrives by message.
 * Scripts are ES modules (scripts/build.mjs splits the pages' shared code into chunks); the
 * modules they import are fetched with the importing script's nonce.
 */
export function pageHtml(webview: vscode.Webview, assets: PageAssets, nonce = makeNonce()): string {
  const csp = contentSecurityPolicy(webview.cspSource, nonce);
  const styles = assets.styles
    .map((u) => `<link rel="stylesheet" href="${escapeAttr(webview.asWebviewUri(u).toString())}">`)
    .join('\n    ');
  const scripts = assets.scripts
    .map((u) => `<script type="module" nonce="${nonce}" src="${escapeAttr(webview.asWebviewUri(u).toString())}"></script>`)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${escapeAttr(assets.title)}</title>
    ${styles}
  </head>
  <body>
    <div id="${escapeAttr(assets.rootId)}"></div>
    ${scripts}
  </body>
</html>`;
}
