/** What the Schema view inserts at the cursor for each kind of name. Pure. */

export type SchemaItemKind = 'table' | 'field' | 'event' | 'eventProperty' | 'personProperty';

/** A HogQL identifier, backtick-quoted when it is not a plain name. */
export function identifier(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/** A HogQL string literal. */
export function stringLiteral(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function insertText(kind: SchemaItemKind, name: string): string {
  switch (kind) {
    case 'table':
    case 'field':
      return identifier(name);
    case 'event':
      return stringLiteral(name);
    case 'eventProperty':
      return `properties.${identifier(name)}`;
    case 'personProperty':
      return `person.properties.${identifier(name)}`;
  }
}
