/**
 * Typed properties, after PostHog's PropertySwapper (posthog/hogql/transforms/property_types.py):
 * a `properties.x` of an event (or `person.properties.x` / `persons.properties.x`) whose property
 * definition has a type is wrapped like the HogQL calls PostHog substitutes —
 * Numeric → `toFloat(x)` (accurateCastOrNull(x, 'Float64')), DateTime → `toDateTime(x)`
 * (parseDateTime64BestEffortOrNull(x, 6, tz)), Boolean → `toBool(transform(toString(x),
 * ['true', 'false'], [1, 0], NULL))`. String, Duration and undefined stay the raw String. Directly
 * inside toFloatOrZero / toIntOrZero / toFloatOrDefault the raw String is kept. Every typed
 * property adds the notice "Event property 'x' is of type 'Float'." (on the last chain part).
 */
import type { PropertyType } from '../types';
import type { Printed, PropertyOwner, TranslateContext } from './context';

/** Function names whose direct arguments keep typed properties raw (`_STRING_INPUT_CONVERSIONS`). */
export const STRING_INPUT_CONVERSIONS = new Set(['toFloatOrZero', 'toIntOrZero', 'toFloatOrDefault']);

function lookup(ctx: TranslateContext, owner: PropertyOwner, name: string): PropertyType | undefined {
  const table = ctx.propertyTypes[owner];
  return table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

function notice(ctx: TranslateContext, owner: PropertyOwner, name: string, fieldType: string, where?: { start?: number; end?: number }): void {
  if (where?.start === undefined || where.end === undefined) return;
  const printedName = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `\`${name}\``;
  ctx.propertyNotices.push({
    message: `${owner === 'event' ? 'Event' : 'Person'} property '${name}' is of type '${fieldType}'.`,
    start: Math.max(where.start, where.end - [...printedName].length),
    end: where.end,
  });
}

export function typedProperty(raw: Printed, name: string, owner: PropertyOwner, ctx: TranslateContext, where?: { start?: number; end?: number }): Printed {
  const type = lookup(ctx, owner, name);
  if (!type) return raw;
  const fieldType = type === 'Numeric' ? 'Float' : type;
  notice(ctx, owner, name, fieldType, where);
  if (ctx.keepPropertiesRaw) return raw;
  const wrapped = (sql: string, kind: Printed['kind']): Printed => ({ ...raw, sql, kind, nullable: true });
  if (fieldType === 'Float') return wrapped(`accurateCastOrNull(${raw.sql}, ${ctx.addValue('Float64')})`, 'float');
  if (fieldType === 'DateTime') return wrapped(`parseDateTime64BestEffortOrNull(${raw.sql}, 6, ${ctx.addValue(ctx.timezone)})`, 'datetime');
  if (fieldType === 'Boolean') {
    const choices = `[${ctx.addValue('true')}, ${ctx.addValue('false')}]`;
    return wrapped(`toBool(transform(toString(${raw.sql}), ${choices}, [1, 0], NULL))`, 'boolean');
  }
  return raw;
}
