// Types of readmeImages.mjs (the README's screenshots, taken by the UI tests; checked by the unit layer).
export declare const README_DIR: string;
export declare const RUN_DIR: string;
export declare const MIN_CHANGE: number;
export declare const README_IMAGES: ReadonlyArray<{ name: string; test: string; shows: string }>;
export declare function readmeImagesNotTakenSince(sinceMs: number): string[];
