/**
 * Arrays whose V8 map does not depend on how or when they were made (issue #21). Optimized code
 * checks an array's map (its elements kind) before reading it, and deoptimizes on one it has not
 * seen: a `[]` starts as small integers until V8 has seen it hold objects, and `Array.prototype.map`
 * makes arrays of one map in V8's builtin and of another when TurboFan inlines it. Each such
 * deoptimization (`--trace-deopt`: "wrong map" in `checkField`, `resolveChain`, `scopeTableOf`)
 * brings a recompilation beside the main thread. Pure (no `vscode`).
 */

/** An empty array already of V8's object elements kind, whatever it will hold. */
export function objectArray<T>(): T[] {
  const a: T[] = [undefined as T];
  a.length = 0;
  return a;
}

/** `xs.map(fn)` as an `objectArray`: the same elements, always the same map. */
export function mapped<T, R>(xs: readonly T[], fn: (x: T) => R): R[] {
  const out = objectArray<R>();
  for (let i = 0; i < xs.length; i++) out.push(fn(xs[i]));
  return out;
}
