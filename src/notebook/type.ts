/**
 * The notebook type of `.hogqlnb` files (package.json `contributes.notebooks`) and its serializer's
 * options: shared by the activation bundle, which registers the serializer's proxy (src/shell.ts),
 * and the features bundle, which binds the serializer (src/commands/notebook.ts). No imports, so the
 * activation bundle takes nothing else of the notebook's code.
 */
export const NOTEBOOK_TYPE = 'hogql-notebook';

/** Outputs are part of the document (saved with `hogql.notebook.saveOutputs`). */
export const NOTEBOOK_OPTIONS = { transientOutputs: false } as const;
