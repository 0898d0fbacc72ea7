/**
 * The grammar benchmark's loop alone, for instruction counts (grammarInstructions.mjs bundles it
 * and runs it under valgrind): tokenizes the bench's 10,000 lines `runs` times with one grammar.
 * Run: node --import tsx scripts/bench/lib/grammarLoop.ts <grammar.json|baseline> <runs> <onig.wasm>
 */
import { readFileSync } from 'node:fs';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { SHAPES } from '../grammarShapes';

async function main(): Promise<void> {
  const [grammar, runs, wasmPath] = process.argv.slice(2) as [string, string, string];
  const wasm = readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib = Promise.resolve({
    createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  });
  const text = grammar === 'baseline' ? JSON.stringify({ scopeName: 'source.hogql', patterns: [{ match: '\\w+', name: 'word.baseline' }] }) : readFileSync(grammar, 'utf8');
  const registry = new vsctm.Registry({ onigLib, loadGrammar: async () => vsctm.parseRawGrammar(text, 'grammar.json') });
  const g = (await registry.loadGrammar('source.hogql'))!;
  const lines = Array.from({ length: 10_000 }, (_, i) => SHAPES[i % SHAPES.length]!);
  for (let r = 0; r < Number(runs); r++) {
    let state = vsctm.INITIAL;
    for (const line of lines) state = g.tokenizeLine2(line, state).ruleStack;
  }
}

void main();
