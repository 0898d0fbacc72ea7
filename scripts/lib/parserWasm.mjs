// PostHog's parser (`@posthog/hogql-parser`) as it ships in the .vsix, next to the parser worker
// (dist/language/). The package is one 1.15 MB file: Emscripten's JS glue with the 1.07 MB WASM
// inlined as a latin-1 string literal (`findWasmBinary(){return binaryDecode('…')}`). Zipped by vsce
// (deflate) that string costs ~304 KiB of the .vsix; brotli at its best packs the same bytes into
// ~210 KiB. So the WASM ships as its own brotli file and the glue reads it back (zlib's brotli, in
// Node since v11: ~3 ms, less than the glue's own `binaryDecode` of the string).
//   hogql_parser_wasm.cjs      the package's glue with the literal replaced by the file read
//   hogql_parser.wasm.br       the WASM, brotli (quality 11)
// The compression takes ~2 s: the result is cached under node_modules/.cache by the package file's hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export const PARSER_GLUE = 'hogql_parser_wasm.cjs';
export const PARSER_WASM = 'hogql_parser.wasm.br';

const CALL = "binaryDecode('";

/** The index range of the WASM string literal's contents in `glue` (between the quotes). */
function literalRange(glue) {
  const start = glue.indexOf(CALL);
  if (start < 0 || glue.indexOf(CALL, start + 1) >= 0) throw new Error(`@posthog/hogql-parser: expected one ${CALL}…') in its glue`);
  let i = start + CALL.length;
  while (glue[i] !== "'") i += glue[i] === '\\' ? 2 : 1;
  if (glue.slice(i, i + 2) !== "')") throw new Error('@posthog/hogql-parser: the WASM literal does not end as expected');
  return [start + CALL.length, i];
}

/** Splits the package's file into the glue (reading `PARSER_WASM` beside it) and the WASM bytes. */
export function splitParser(packageFile) {
  const glue = readFileSync(packageFile, 'utf8'); // UTF-8: Node's require reads it so
  const [from, to] = literalRange(glue);
  // the literal is the package's own text, a plain JS string: evaluated, never run as code around it
  const wasm = Buffer.from(new Function(`return '${glue.slice(from, to)}'`)(), 'latin1');
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error('@posthog/hogql-parser: the inlined binary is not WASM');
  const read = `require("zlib").brotliDecompressSync(require("fs").readFileSync(require("path").join(__dirname,${JSON.stringify(PARSER_WASM)})))`;
  const out = glue.slice(0, from - CALL.length) + read + glue.slice(to + 2);
  return { glue: Buffer.from(out, 'utf8'), wasm };
}

/** Writes the glue and the compressed WASM into `outDir` (compression cached by the package's hash). */
export function writeParserFiles(root, outDir) {
  const packageFile = join(root, 'node_modules/@posthog/hogql-parser/dist', PARSER_GLUE);
  const source = readFileSync(packageFile);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const cacheDir = join(root, 'node_modules/.cache/vscode-hogql');
  const cached = join(cacheDir, `${hash}.wasm.br`);
  const { glue, wasm } = splitParser(packageFile);
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    const br = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length } });
    writeFileSync(cached, br);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, PARSER_GLUE), glue);
  writeFileSync(join(outDir, PARSER_WASM), readFileSync(cached));
}
