/**
 * Requests generated from the service's own OpenAPI document with fast-check: for every
 * operation, values that fit its parameter and body schemas (drawn from the test's own records
 * where a pattern or format asks for a real code or id), then mutated into the hostile classes
 * that once cost a 500: control characters, impossible dates, tampered cursors, malformed
 * percent-encoding, a body that lies about its encoding, unknown fields, wrong types.
 */
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  example?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation in the document, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method, path })),
  );
}

/** The roles an operation names in its description ("Roles: corporation, admin."). */
export function rolesOf(operation: Operation): string[] {
  const listed = /Roles: ([a-z, ]+)\./.exec(operation.description ?? '')?.[1];
  return listed ? listed.split(',').map((role) => role.trim()) : [];
}

/** Real records of the test, offered wherever a schema asks for a code or an id. */
export interface KnownValues {
  strings: string[];
  uuids: string[];
  /** Valid bodies per component schema name, so mutations reach past validation. */
  samples: Record<string, unknown[]>;
}

const HOSTILE_STRINGS = [
  '\u0000',
  'Kerk\u0000straat',
  'x\u0007y\u001b[2J',
  '\ud800',
  '\u202eevil',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '%E0%A4%A',
  '',
  '   ',
  'x'.repeat(5000),
  'Jan.de.Vries.1985-03-14',
  '1234.56.782',
  "'; DROP TABLE units; --",
  '__proto__',
  '1e999',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  -1,
  -0,
  1e308,
  2 ** 53 + 2,
  0.1,
  true,
  [],
  {},
  [[[[[]]]]],
  'text',
  ...HOSTILE_STRINGS,
];
/** Path segments as they arrive on the wire (already percent-encoded, or malformed). */
export const HOSTILE_PATH_SEGMENTS = [
  '%E0%A4%A',
  '%',
  '%C0%80',
  '%00',
  '..',
  '%2e%2e',
  'x'.repeat(300),
  '%F0%9F%92%A9',
  'GM%00',
  '00000000-0000-0000-0000-000000000000',
];
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export const HOSTILE_QUERY_VALUES = [
  '%E0%A4%A',
  '%00',
  'x'.repeat(3000),
  base64url({ c: '0000-01-01T00:00:00Z', i: '00000000-0000-4000-8000-000000000000' }),
  base64url({ c: '2026-01-01T00:00:00+23:59', i: '00000000-0000-4000-8000-000000000000' }),
  base64url({ c: '2026-01-01T00:00:00Z', i: 'not-a-uuid', extra: true }),
  base64url([1, 2]),
  'e30',
  '-1',
  '1e999',
  '0000-01-01',
];

export type Mutation =
  | { kind: 'none' }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'unknown-field'; at: number; key: string };

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  const paths: Path[] = [at];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...at, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...at, key]));
  }
  return paths;
}

/** `body` with one mutation applied at one of its places (the root included). */
export function mutate(body: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'none') return body;
  const copy: unknown = structuredClone(body);
  const paths = pathsOf(copy);
  const path = paths[mutation.at % paths.length] ?? [];
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'remove') return undefined;
  }
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => {
    return (node as Record<string | number, unknown>)[key];
  }, copy) as Record<string | number, unknown> | unknown[];
  const last = path.at(-1) ?? '';
  switch (mutation.kind) {
    case 'replace':
      (parent as Record<string | number, unknown>)[last] = mutation.value;
      break;
    case 'remove':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else Reflect.deleteProperty(parent, last);
      break;
    case 'unknown-field': {
      const target = path.reduce<unknown>(
        (node, key) => (node as Record<string | number, unknown>)[key],
        copy,
      );
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
        Object.defineProperty(target, mutation.key, {
          value: 1,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      break;
    }
  }
  return copy;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      value: fc.constantFrom(...HOSTILE_VALUES),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknown-field' as const),
      at: fc.nat(),
      key: fc.constantFrom('unexpected', '__proto__', 'constructor'),
    }),
  },
);

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Arbitraries for the values a JSON Schema of the document describes. */
export class SchemaValues {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly known: KnownValues,
  ) {}

  resolve(schema: JsonSchema): JsonSchema {
    let resolved = schema;
    while (resolved.$ref) {
      const name = resolved.$ref.replace('#/components/schemas/', '');
      const target = this.document.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved ${resolved.$ref}`);
      resolved = { ...target, ...Object.fromEntries(Object.entries(resolved).slice(1)) };
    }
    return resolved;
  }

  /** Every property name anywhere in the document's schemas: columns for a CSV. */
  propertyNames(): string[] {
    const names = new Set<string>();
    const visit = (schema: JsonSchema | undefined, depth: number) => {
      if (!schema || depth > 6) return;
      const resolved = this.resolve(schema);
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        const inner = this.resolve(property);
        if (inner.properties) visit(inner, depth + 1);
        else names.add(name);
      }
      visit(resolved.items, depth + 1);
    };
    Object.values(this.document.components?.schemas ?? {}).forEach((schema) => {
      visit(schema, 0);
    });
    return [...names].sort();
  }

  value(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const samples = schema.$ref && this.known.samples[schema.$ref.split('/').at(-1) ?? ''];
    if (samples && samples.length > 0) {
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...samples).map((x) => structuredClone(x)) },
        { weight: 1, arbitrary: this.value({ ...this.resolve(schema) }, depth) },
      );
    }
    const s = this.resolve(schema);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const choices = s.anyOf ?? s.oneOf;
    if (choices) return fc.oneof(...choices.map((choice) => this.value(choice, depth + 1)));
    if (s.allOf) return this.value(Object.assign({}, ...s.allOf.map((x) => this.resolve(x))));
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    const concrete = types.filter((type) => type !== 'null');
    const type = concrete[0] ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
    const arbitrary = this.ofType(type, s, depth);
    return types.includes('null')
      ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary })
      : arbitrary;
  }

  private ofType(type: string, s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'string':
        return this.string(s);
      case 'integer':
      case 'number':
        return this.number(type, s);
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const item = s.items ? this.value(s.items, depth + 1) : fc.string();
        return fc.uniqueArray(item, {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 4, 4, depth > 3 ? (s.minItems ?? 0) : 4),
          selector: (value) => JSON.stringify(value),
        });
      }
      case 'object':
        return this.object(s, depth);
      default:
        return fc.constant(null);
    }
  }

  private string(s: JsonSchema): fc.Arbitrary<unknown> {
    if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...this.known.uuids), fc.uuid());
    if (s.format === 'date' || s.format === 'date-time') {
      const date = fc.date({
        min: new Date('2025-01-01T00:00:00Z'),
        max: new Date('2027-12-31T00:00:00Z'),
        noInvalidDate: true,
      });
      return s.format === 'date' ? date.map(isoDate) : date.map((d) => d.toISOString());
    }
    if (s.pattern) {
      const pattern = new RegExp(s.pattern);
      const example = typeof s.example === 'string' ? s.example : 'x';
      const matching = [...this.known.strings, example].filter((value) => pattern.test(value));
      if (matching.length > 0) return fc.constantFrom(...matching);
      try {
        return fc.stringMatching(pattern).filter((value) => value.length <= (s.maxLength ?? 200));
      } catch {
        return fc.constant(example);
      }
    }
    const text = fc.string({
      minLength: s.minLength ?? 0,
      maxLength: Math.min(s.maxLength ?? 40, 40),
    });
    const known = fc.constantFrom(...this.known.strings);
    return s.example === undefined
      ? fc.oneof({ weight: 1, arbitrary: text }, { weight: 2, arbitrary: known })
      : fc.oneof(fc.constant(s.example), text, known);
  }

  private number(type: string, s: JsonSchema): fc.Arbitrary<unknown> {
    const step = s.multipleOf ?? (type === 'integer' ? 1 : 0.01);
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : -1e6);
    const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : 1e6);
    if (type === 'integer') return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    return fc
      .double({ min, max, noNaN: true, noDefaultInfinity: true })
      .map((value) => Math.min(max, Math.max(min, Math.round(value / step) * step)))
      .map((value) => Number(value.toFixed(6)));
  }

  private object(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    if (s.properties) {
      const fields = Object.fromEntries(
        Object.entries(s.properties).map(([key, property]) => [
          key,
          this.value(property, depth + 1),
        ]),
      );
      return fc.record(fields, { requiredKeys: s.required ?? [] });
    }
    if (typeof s.additionalProperties === 'object') {
      return fc.dictionary(
        fc.constantFrom(...this.known.strings),
        this.value(s.additionalProperties, depth + 1),
        { maxKeys: 3 },
      );
    }
    return fc.constant({});
  }

  /** CSV text: rows of generated records where the document gives them, else loose columns. */
  csv(itemSchema: JsonSchema | undefined): fc.Arbitrary<string> {
    const quote = (cell: unknown) => {
      const text =
        typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean'
          ? String(cell)
          : '';
      return /[",;\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
    const fromRecords = itemSchema
      ? fc.array(this.value(itemSchema), { minLength: 1, maxLength: 4 }).map((records) => {
          const columns = [
            ...new Set(records.flatMap((r) => Object.keys(r as Record<string, unknown>))),
          ];
          const lines = records.map((r) =>
            columns.map((c) => quote((r as Record<string, unknown>)[c])).join(','),
          );
          return [columns.join(','), ...lines].join('\n');
        })
      : undefined;
    const loose = fc
      .record({
        columns: fc.subarray(this.propertyNames(), { minLength: 1, maxLength: 24 }),
        cells: fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS))), {
          minLength: 0,
          maxLength: 3,
        }),
        separator: fc.constantFrom(',', ';'),
      })
      .map(({ columns, cells, separator }) =>
        [columns.join(separator), ...cells.map((row) => row.map(quote).join(separator))].join(
          '\r\n',
        ),
      );
    const hostile = fc.constantFrom(
      Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(','),
      'a,b\n"unbalanced,quote\n',
      '\uFEFFcode;name\nGM0001;Na\u0000me\n',
      `code,name\n${'x'.repeat(10_000)},y\n`,
      '',
      '\n\n\n',
    );
    return fromRecords ? fc.oneof(fromRecords, loose, hostile) : fc.oneof(loose, hostile);
  }
}
