import { z } from 'zod';

import { BadRequestError } from '../errors/app-error';

/** Keyset pagination: `limit` and an opaque `cursor` from the previous page's `nextCursor`. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export interface PageRequest {
  limit: number;
  after?: { createdAt: string; id: string };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function toPageRequest(query: z.output<typeof pageQuerySchema>): PageRequest {
  if (query.cursor === undefined) return { limit: query.limit };
  try {
    const decoded: unknown = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    const parsed = z.object({ c: z.iso.datetime({ offset: true }), i: z.uuid() }).parse(decoded);
    return { limit: query.limit, after: { createdAt: parsed.c, id: parsed.i } };
  } catch {
    throw new BadRequestError('The cursor is not one this API handed out.', [
      { path: 'cursor', message: 'invalid cursor' },
    ]);
  }
}

/** Builds a page from `limit + 1` rows ordered by (createdAt, id). */
export function toPage<T extends { createdAt: string; id: string }>(
  rows: T[],
  limit: number,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify({ c: last.createdAt, i: last.id })).toString('base64url')
      : null;
  return { items, nextCursor };
}
