// Bundles the emulator (src/main.ts → dist/main.js, src/engine/child.ts → dist/child.js, src/index.ts → dist/index.js).
// chdb (native) and the HogQL parser stay external and load from emulator/node_modules at run time.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

export async function buildEmulator() {
  await build({
    entryPoints: { main: join(root, 'src/main.ts'), child: join(root, 'src/engine/child.ts'), index: join(root, 'src/index.ts') },
    outdir: join(root, 'dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['chdb', '@posthog/hogql-parser'],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildEmulator();
}
