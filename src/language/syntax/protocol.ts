/** Messages between the extension host and the parser worker (`parser.worker.ts`). Pure. */

export interface ParseRequest {
  id: number;
  text: string;
}

/** A syntax error as PostHog's parser reports it: `start` in code points (its `end` is unreliable). */
export interface ParserError {
  type: string;
  message: string;
  start: number;
}

export type ParseReply =
  | { id: number; ok: true; ms: number }
  | { id: number; ok: false; error: ParserError; ms: number }
  /** The parser threw (a WASM RuntimeError): the instance is poisoned and the worker exits. */
  | { id: number; crashed: string };
