/**
 * Public API of the pure HogQL language core (no `vscode`, no DOM).
 * All offsets are UTF-16 code units into the text passed in.
 */
export * from './ast';
export { lex, tokenIndexAt, type Token, type TokenKind, type Comment, type LexResult } from './lexer';
export { parse, parseAt, parseStatement, type ParseResult, type ParsedStatement } from './parse';
export { splitStatements, statementAt, chunkAt, type Statement } from './split';
export { buildScopes, scopeAt, resolveChain, outputColumns, type Scope, type ScopeTable, type Resolution } from './scopes';
export { completionContext, signatureAt, type CompletionContext, type ColumnSource } from './completion';
export type { CallAtCursor } from './tokenContext';
export { checkQuery, diagnose, type CheckOptions } from './checks';
export { hoverTarget, nodeAt, type HoverTarget } from './hover';
export { documentSymbols, foldingRanges, type HogQLSymbol, type FoldingRange } from './symbols';
export { NameIndex, subsequenceScore, type FilterOptions } from './filter';
export { editDistance, closest, didYouMean } from './suggest';
export { walk, childrenOf, pathAt } from './visit';
export * from './text';
export { getVocabulary, Vocabulary, type FunctionInfo, type TableInfo, type FieldInfo, type FieldType, type PathTarget } from './vocabulary';
