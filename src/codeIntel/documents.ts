/** Scans of open documents, kept per document version (a few, most recent first). */
import type * as vscode from 'vscode';
import { mayHaveSdkCalls, sdkLanguageOf } from './gate';
import { scan } from './scan/scan';
import type { ScanResult } from './scan/types';

const KEEP = 16;

export class DocumentScans {
  private readonly cache = new Map<string, { version: number; result: ScanResult | undefined }>();

  /** The document's SDK calls; undefined when its language is not read or it never mentions PostHog. */
  of(doc: vscode.TextDocument): ScanResult | undefined {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.result;
    const lang = sdkLanguageOf(doc.languageId);
    const text = lang ? doc.getText() : '';
    const result = lang && mayHaveSdkCalls(text) ? scan(text, lang) : undefined;
    this.cache.delete(key);
    this.cache.set(key, { version: doc.version, result });
    if (this.cache.size > KEEP) this.cache.delete(this.cache.keys().next().value!);
    return result;
  }

  forget(doc: vscode.TextDocument): void {
    this.cache.delete(doc.uri.toString());
  }
}
