// VS Code snippet syntax (the subset snippets/hogql.json uses) expanded the way a user accepting
// the defaults would type it: `${1:default}`, `${1|a,b|}` (one variant per choice), `$1`, `$0`, `\$`.

const ESC = '\u0000';

/** The body with every default taken and choice `n` picked at each choice placeholder (first if fewer). */
export function expandSnippet(body: string, choice = 0): string {
  const values = new Map<string, string>();
  let text = body.replace(/\\\$/g, ESC);
  text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
    const list = choices.split(',');
    values.set(n, list[Math.min(choice, list.length - 1)]!);
    return values.get(n)!;
  });
  text = text.replace(/\$\{(\d+):([^{}]*)\}/g, (_, n: string, def: string) => {
    if (!values.has(n)) values.set(n, def);
    return values.get(n)!;
  });
  text = text.replace(/\$\{?(\d+)\}?/g, (_, n: string) => values.get(n) ?? '');
  return text.replaceAll(ESC, '$');
}

/** Every distinct expansion: choice 0, 1, … up to the longest choice list. */
export function snippetVariants(body: string): string[] {
  const longest = Math.max(1, ...[...body.matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((m) => m[1]!.split(',').length));
  return [...new Set(Array.from({ length: longest }, (_, i) => expandSnippet(body, i)))];
}
