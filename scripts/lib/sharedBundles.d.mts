import type { BuildOptions } from 'esbuild';

/** esbuild options of dist/extension.js and dist/features.js, in that order (see sharedBundles.mjs). */
export function sharedBundles(node: BuildOptions, root: string): Promise<(BuildOptions & { entryPoints: { in: string; out: string }[] })[]>;
