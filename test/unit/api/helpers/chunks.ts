/** `text` cut at `cuts` (each taken modulo the text's length + 1, duplicates dropped): a body's chunks. */
export function split(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of at) out.push(text.slice(prev, (prev = c)));
  out.push(text.slice(prev));
  return out;
}

/** Pushes `chunks` to `stream`, then what its `end()` gave, or the error it threw. */
export function pushAndEnd<T>(stream: { push(chunk: string): void; end(): T }, chunks: readonly string[]): { value?: T; error?: Error } {
  for (const c of chunks) stream.push(c);
  try {
    return { value: stream.end() };
  } catch (e) {
    return { error: e as Error };
  }
}
