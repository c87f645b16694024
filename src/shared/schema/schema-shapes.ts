import { z } from 'zod';

/**
 * Shapes derived from one object schema, so that a field added to it needs no second edit:
 * `requireEveryField` for a PUT (the whole record, no silent defaults), `deepPartial` for a PATCH
 * (only the named fields) and `applyPatch` to lay such a patch over the stored record.
 */

type AnySchema = z.ZodType;

const isObject = (schema: AnySchema): schema is z.ZodObject => schema instanceof z.ZodObject;

/** Description, example and such; never the id, which names one schema in the document. */
function carryMeta<T extends AnySchema>(from: AnySchema, to: T): T {
  const { id: _id, ...meta } = z.globalRegistry.get(from) ?? {};
  return Object.keys(meta).length > 0 ? to.meta(meta) : to;
}

function checksOf(schema: AnySchema): z.core.$ZodCheck<unknown>[] {
  return (schema._zod.def.checks ?? []) as z.core.$ZodCheck<unknown>[];
}

function fieldsOf(schema: z.ZodObject): [string, AnySchema][] {
  const shape: Record<string, AnySchema> = schema.shape;
  return Object.entries(shape);
}

function withShape(schema: z.ZodObject, shape: Record<string, AnySchema>, keepChecks: boolean) {
  const def = schema._zod.def;
  return schema.clone({ ...def, shape, checks: keepChecks ? def.checks : [] });
}

function isEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** The schema inside a `.default()`, keeping the checks (refinements) attached to the default. */
function unwrapDefault(schema: AnySchema): AnySchema {
  if (!(schema instanceof z.ZodDefault)) return schema;
  const inner = schema.unwrap() as AnySchema;
  const checks = checksOf(schema);
  return carryMeta(schema, checks.length > 0 ? inner.check(...checks) : inner);
}

/**
 * Every field with a default becomes required, at every depth: a PUT states the whole record.
 * A default that is an empty collection (`{}`, `[]`) stays: leaving it out means "none", which
 * is a value, not a reset.
 */
export function requireEveryField<T extends z.ZodObject>(schema: T): T {
  const shape: Record<string, AnySchema> = {};
  for (const [key, field] of fieldsOf(schema)) {
    if (field instanceof z.ZodDefault && isEmptyCollection(field._zod.def.defaultValue)) {
      shape[key] = field;
      continue;
    }
    const inner = unwrapDefault(field);
    shape[key] = isObject(inner) ? carryMeta(inner, requireEveryField(inner)) : inner;
  }
  return withShape(schema, shape, true) as T;
}

/**
 * Every field optional, at every depth, without defaults (absent means unchanged). Checks on
 * objects are left to the whole record, which is validated again once the patch is applied.
 */
export function deepPartial(schema: z.ZodObject): z.ZodObject {
  const shape: Record<string, AnySchema> = {};
  for (const [key, field] of fieldsOf(schema)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as AnySchema) : field;
    const partial = isObject(inner) ? carryMeta(inner, deepPartial(inner)) : inner;
    shape[key] = carryMeta(field, partial.optional());
  }
  return withShape(schema, shape, false);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `patch` laid over `base` along `schema`'s objects: a nested object of the schema is merged
 * field by field; anything else (a number, a list, a record such as a map of caps) is replaced.
 */
export function applyPatch(
  schema: z.ZodObject,
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  const shape = schema.shape as Record<string, AnySchema>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const field = shape[key];
    const inner = field && unwrapDefault(field);
    merged[key] =
      inner && isObject(inner) && isPlainObject(value) && isPlainObject(base[key])
        ? applyPatch(inner, base[key], value)
        : value;
  }
  return merged;
}
