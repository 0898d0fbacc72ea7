/**
 * The parser worker bundled by esbuild as scripts/build.mjs does, PostHog's parser beside it as it
 * ships (its glue and its brotli-compressed WASM, scripts/lib/parserWasm.mjs), in `dir`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type PluginBuild } from 'esbuild';
import { ParserClient, type ParserClientOptions } from '../../../../src/language/syntax/parserClient';

const root = join(__dirname, '..', '..', '..', '..');

/** Builds the worker into `dir`; returns its path. */
export async function buildParserWorker(dir: string): Promise<string> {
  const workerFile = join(dir, 'parser.worker.js');
  const { PARSER_GLUE, writeParserFiles } = await import('../../../../scripts/lib/parserWasm.mjs');
  const asFile = { name: 'parser-as-file', setup: (b: PluginBuild) => b.onResolve({ filter: /^@posthog\/hogql-parser$/ }, () => ({ path: `./${PARSER_GLUE}`, external: true })) };
  await build({ entryPoints: [join(root, 'src/language/parser.worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error', plugins: [asFile] });
  writeParserFiles(root, dir);
  return workerFile;
}

/** A suite's built worker (set once its `before` hook ran) and its clients. */
export interface ParserWorkerSuite {
  /** The suite's temporary directory (removed after the suite), the worker built in it. */
  readonly dir: string;
  readonly workerFile: string;
  /** A client of the built worker (`options` over it), disposed after the test. */
  client(options: Omit<ParserClientOptions, 'workerFile'> & { workerFile?: string }): ParserClient;
}

/**
 * Registers the mocha hooks of a suite of parser worker tests: a temporary directory named
 * `prefix…` with the worker built in it before the suite, removed after it; the clients a test
 * made are disposed after it.
 */
export function parserWorkerSuite(prefix: string): ParserWorkerSuite {
  let clients: ParserClient[] = [];
  const suite = {
    dir: '',
    workerFile: '',
    client(options: Omit<ParserClientOptions, 'workerFile'> & { workerFile?: string }): ParserClient {
      const c = new ParserClient({ workerFile: suite.workerFile, ...options });
      clients.push(c);
      return c;
    },
  };
  before(async () => {
    suite.dir = mkdtempSync(join(tmpdir(), prefix));
    suite.workerFile = await buildParserWorker(suite.dir);
  });
  afterEach(() => {
    for (const c of clients) c.dispose();
    clients = [];
  });
  after(() => rmSync(suite.dir, { recursive: true, force: true }));
  return suite;
}
