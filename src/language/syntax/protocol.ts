/** Messages between the extension host and the parser worker (`parser.worker.ts`). Pure. */

export interface ParseRequest {
  id: number;
  text: string;
}

/** Asks the worker to warm its parser up (syntax/workerWarmUp.ts) while no request waits. */
export interface WarmUpRequest {
  warmUp: true;
}

/** The warm-up is over: `pieces` statements parsed in `ms` (or it threw: `crashed`, and the worker exits). */
export interface WarmUpReply {
  warmed: true;
  pieces: number;
  ms: number;
  crashed?: string;
}

/** A syntax error as PostHog's parser reports it: `start` in code points (its `end` is unreliable). */
export interface ParserError {
  type: string;
  message: string;
  start: number;
}

/**
 * `ms`: the parse inside the worker; `n`: how many parses the worker has run, this one included;
 * `warm`: how many warm-up statements it had parsed before this one.
 */
export type ParseReply =
  | { id: number; ok: true; ms: number; n: number; warm: number }
  | { id: number; ok: false; error: ParserError; ms: number; n: number; warm: number }
  /** The parser threw (a WASM RuntimeError): the instance is poisoned and the worker exits. */
  | { id: number; crashed: string };
