// Types of parserWasm.mjs for the TypeScript tests that import it.
export declare const PARSER_GLUE: string;
export declare const PARSER_WASM: string;
export declare function splitParser(packageFile: string): { glue: Buffer; wasm: Buffer };
export declare function writeParserFiles(root: string, outDir: string): void;
