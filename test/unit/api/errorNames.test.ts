// Error names (TimeoutError, RateLimitError, …) show in logs and messages. The release bundles are
// minified without esbuild's keepNames (it cost ~15 KiB of the .vsix), so a name taken from the class
// (`new.target.name`) would come out mangled: every error class names itself. Checked on the module
// minified as the release build minifies it.
import * as assert from 'node:assert/strict';
import { build } from 'esbuild';
import { join } from 'node:path';
import * as source from '../../../src/api/errors';

type ErrorClass = new (...args: unknown[]) => Error;

async function minified(): Promise<Record<string, unknown>> {
  const out = await build({
    entryPoints: [join(__dirname, '../../../src/api/errors.ts')],
    bundle: true,
    minify: true,
    keepNames: false,
    format: 'cjs',
    platform: 'node',
    target: 'es2022',
    write: false,
  });
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports;
}

function instance(C: ErrorClass): Error {
  const init = { status: 0, userMessage: 'message' };
  try {
    return new C(init, { code: 'x', serverDetail: '', attr: null });
  } catch {
    return new C('message'); // ConfigError(userMessage)
  }
}

describe('api errors: names survive minification', () => {
  const classes = Object.entries(source).filter(([, v]) => typeof v === 'function' && (v as ErrorClass).prototype instanceof Error);

  it('finds the error classes', () => {
    assert.ok(classes.length >= 10, `found ${classes.length}`);
  });

  it('every error class, minified, still says its own name', async function () {
    this.timeout(20_000);
    const mod = await minified();
    const wrong = classes.map(([name]) => [name, instance(mod[name] as ErrorClass).name]).filter(([name, got]) => name !== got);
    assert.deepEqual(wrong, []);
  });
});
