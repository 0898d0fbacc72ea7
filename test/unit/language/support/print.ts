/** Compact S-expression printing of our AST, for precedence and shape assertions. */
import type { Expr, SelectLike } from '../../../../src/language/hogql/ast';
import { parseStatement } from '../../../../src/language/hogql/parse';

export function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'Constant': return e.type === 'string' ? `'${String(e.value)}'` : String(e.value);
    case 'Field': return e.parts.map((p) => p.name).join('.');
    case 'Ident': return e.name;
    case 'Asterisk': return [...e.table.map((p) => p.name), '*'].join('.');
    case 'Binary': return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'Unary': return `(${e.op} ${sexpr(e.expr)})`;
    case 'Between': return `(${e.negated ? 'NOT ' : ''}BETWEEN ${sexpr(e.expr)} ${sexpr(e.low)} ${sexpr(e.high)})`;
    case 'IsNull': return `(IS${e.negated ? ' NOT' : ''} NULL ${sexpr(e.expr)})`;
    case 'Ternary': return `(? ${sexpr(e.cond)} ${sexpr(e.then)} ${sexpr(e.otherwise)})`;
    case 'Call': {
      const params = e.params ? `(${e.params.map(sexpr).join(' ')})` : '';
      const over = e.over ? (e.over.kind === 'Ident' ? ` OVER ${e.over.name}` : ' OVER (…)') : '';
      return `${e.name.name}${params}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(sexpr).join(' ')})${over}`;
    }
    case 'Alias': return `(AS ${sexpr(e.expr)} ${e.alias.name})`;
    case 'Array': return `[${e.items.map(sexpr).join(' ')}]`;
    case 'Tuple': return `(tuple ${e.items.map(sexpr).join(' ')})`;
    case 'ArrayAccess': return `(${e.nullish ? '?.' : ''}[] ${sexpr(e.array)} ${sexpr(e.index)})`;
    case 'TupleAccess': return `(.${e.index} ${sexpr(e.tuple)})`;
    case 'Member': return `(${e.nullish ? '?.' : '.'} ${sexpr(e.object)} ${e.name.name})`;
    case 'Lambda': return `(-> (${e.params.map((p) => p.name).join(' ')}) ${sexpr(e.body)})`;
    case 'Cast': return `(cast ${sexpr(e.expr)} ${e.type.text})`;
    case 'Interval': return `(interval ${sexpr(e.value)} ${e.unit?.name ?? ''})`;
    case 'Extract': return `(extract ${e.unit.name} ${sexpr(e.expr)})`;
    case 'Case': return `(case ${e.subject ? sexpr(e.subject) + ' ' : ''}${e.whens.map((w) => `${sexpr(w.when)}=>${sexpr(w.then)}`).join(' ')}${e.otherwise ? ' else ' + sexpr(e.otherwise) : ''})`;
    case 'Placeholder': return `{${sexpr(e.expr)}}`;
    case 'TemplateString': return `(f ${e.parts.map(sexpr).join(' ')})`;
    case 'Subquery': return '(subquery)';
    case 'Tag': return `<${e.name.name}>`;
    case 'Error': return '!err';
    default: return e.kind;
  }
}

/** The single SELECT of `text` (throws if the statement is something else). */
export function selectOf(text: string): Extract<SelectLike, { kind: 'SelectQuery' }> {
  const q = parseStatement(text).query;
  if (q.kind !== 'SelectQuery') throw new Error(`not a SelectQuery: ${q.kind}`);
  return q;
}

/** `SELECT <expr>` → the printed first select item. */
export function exprOf(text: string): string {
  return sexpr(selectOf(`SELECT ${text}`).items[0]);
}
