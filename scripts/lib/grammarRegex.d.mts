// Types of the part of grammarRegex.mjs the unit tests use (the grammar's generator helpers).
/** Number of capturing groups in a regex source (ignores escapes, classes and (?…) groups). */
export declare function countGroups(re: string): number;
