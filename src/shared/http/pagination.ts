import { z } from 'zod';

/** Where the next page starts: the (createdAt, id) of the previous page's last row (id: a uuid, or an integer as a string). */
export interface PageAfter {
  createdAt: string;
  id: string;
}

const MAX_CURSOR_LENGTH = 200;
/** Real UTC offsets run from -12:00 to +14:00; PostgreSQL refuses some that ISO 8601 allows. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** A uuid in PostgreSQL's text form, of any version. */
export const UUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The positive integer id of an append-only table (the audit trail), with a logged read's
 * position among its clients after a dot; groups: the id, the position.
 */
export const TRAIL_ID = /^([1-9][0-9]{0,17})(?:\.([1-9][0-9]{0,3}))?$/;

const cursorPayloadSchema = z.strictObject({
  c: z.iso.datetime({ offset: true, local: false }),
  i: z.union([z.uuid(), z.string().regex(TRAIL_ID)]),
});

function encodeCursor(after: PageAfter): string {
  return Buffer.from(JSON.stringify({ c: after.createdAt, i: after.id })).toString('base64url');
}

function offsetMinutes(timestamp: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(timestamp);
  if (!match) return 0;
  return Number(match[2]) * 60 + Number(match[3]);
}

/**
 * The one cursor codec. A cursor is what `encodeCursor` made, byte for byte: base64url of
 * `{"c": createdAt, "i": id}`, with a timestamp the database can compare (a real instant in
 * years 2000–2099, a real UTC offset). Anything else is undefined: the caller answers 400.
 */
export function decodeCursor(cursor: string): PageAfter | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorPayloadSchema.safeParse(decoded);
  if (!parsed.success) return undefined;
  const { c: createdAt, i: id } = parsed.data;
  const instant = new Date(createdAt);
  const year = instant.getUTCFullYear();
  if (Number.isNaN(instant.getTime()) || year < 2000 || year > 2099) return undefined;
  if (offsetMinutes(createdAt) > MAX_OFFSET_MINUTES) return undefined;
  const after = { createdAt, id };
  // Re-encoding must give the same text: no padding, spacing or key order of one's own.
  return encodeCursor(after) === cursor ? after : undefined;
}

const cursorSchema = z
  .string()
  .max(MAX_CURSOR_LENGTH)
  .transform((cursor, ctx) => {
    const after = decodeCursor(cursor);
    if (after) return after;
    ctx.addIssue({ code: 'custom', message: 'not a cursor this API handed out' });
    return z.NEVER;
  })
  .meta({ description: "The previous page's `nextCursor`, as it was handed out." });

/** Keyset pagination: `limit` and an opaque `cursor` from the previous page's `nextCursor`. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursorSchema.optional(),
});

export interface PageRequest {
  limit: number;
  after?: PageAfter;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The page a validated query asks for; the cursor was decoded while the query was parsed. */
export function toPageRequest(query: z.output<typeof pageQuerySchema>): PageRequest {
  return query.cursor === undefined
    ? { limit: query.limit }
    : { limit: query.limit, after: query.cursor };
}

/** A listed record whose JSON text the database built, with what the page's cursor needs. */
export interface JsonRow {
  id: string;
  createdAt: string;
  json: string;
}

/**
 * A page's JSON text from `limit + 1` rows of JSON text, as `res.json` would send `toPage`'s page;
 * `items` are the rows shown.
 */
export function toJsonPage(rows: JsonRow[], limit: number): { items: JsonRow[]; text: string } {
  const { items, nextCursor } = toPage(rows, limit);
  return {
    items,
    text: `{"items":[${items.map((row) => row.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
  };
}

/** Builds a page from `limit + 1` rows ordered by (createdAt, id). */
export function toPage<T extends { createdAt: string; id: string }>(
  rows: T[],
  limit: number,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
  return { items, nextCursor };
}
