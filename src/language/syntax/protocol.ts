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

/** `ms`: the parse inside the worker; `n`: how many parses the worker has run, this one included. */
export type ParseReply =
  | { id: number; ok: true; ms: number; n: number }
  | { id: number; ok: false; error: ParserError; ms: number; n: number }
  /** The parser threw (a WASM RuntimeError): the instance is poisoned and the worker exits. */
  | { id: number; crashed: string };
