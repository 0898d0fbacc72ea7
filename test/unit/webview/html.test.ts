import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { contentSecurityPolicy, makeNonce, pageHtml } from '../../../src/webview/html';

/** The two members of vscode.Webview that pageHtml uses, over plain strings. */
const fakeWebview = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  asWebviewUri: (u: { path: string }) => ({ toString: () => `https://file+.vscode-resource.vscode-cdn.net${u.path}` }),
} as unknown as vscode.Webview;
const uri = (path: string) => ({ path }) as unknown as vscode.Uri;

describe('webview html', () => {
  it('makes a fresh, long, URL-safe nonce each time', () => {
    const seen = new Set(Array.from({ length: 200 }, makeNonce));
    assert.equal(seen.size, 200);
    for (const n of seen) assert.match(n, /^[0-9a-f]{32}$/);
  });

  it('builds a CSP that allows nothing by default and scripts only by nonce', () => {
    const csp = contentSecurityPolicy('vscode-src', 'abc123');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the nonce on every script and no data in the page', () => {
    const html = pageHtml(
      fakeWebview,
      { title: 'T <x>', rootId: 'app', scripts: [uri('/dist/a.js'), uri('/dist/b.js')], styles: [uri('/dist/a.css')] },
      'NONCE123',
    );
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 2);
    for (const s of scripts) assert.match(s, /nonce="NONCE123" src="https:\/\/file\+\.vscode-resource/);
    // ES modules: the chunk shared with the notebook renderer is imported with the script's nonce
    for (const s of scripts) assert.match(s, /^<script type="module" /);
    assert.match(html, /<title>T &lt;x&gt;<\/title>/);
    assert.match(html, /content="default-src 'none'; [^"]*script-src 'nonce-NONCE123'"/);
    assert.doesNotMatch(html, /<script>[^<]/, 'no inline script body');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline handlers');
  });
});
