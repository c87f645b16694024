import { decodeCursor, pageQuerySchema, toJsonPage, toPage, toPageRequest } from './pagination';

const row = (createdAt: string, id: string) => ({ createdAt, id });
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the cursor codec', () => {
  it('round-trips the integer id of an append-only table', () => {
    const rows = [
      row('2026-11-30T09:05:38.123+00:00', '41'),
      row('2026-11-30T09:05:39+00:00', '42'),
    ];
    const page = toPage(rows, 1);
    expect(decodeCursor(page.nextCursor!)).toEqual(rows[0]);
  });

  it('decodes exactly the cursors toPage hands out', () => {
    const rows = [
      row('2026-11-30T09:05:38.123456+00:00', '0d4c8b1e-9f4a-4c7e-8a43-5b3f7c2d9e10'),
      row('2026-11-30T09:05:39.000001+01:00', '7b1f5a2c-3d4e-4f60-9a7b-8c9d0e1f2a3b'),
    ];
    const page = toPage(rows, 1);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor!)).toEqual(rows[0]);
    const query = pageQuerySchema.parse({ limit: '1', cursor: page.nextCursor });
    expect(toPageRequest(query)).toEqual({ limit: 1, after: rows[0] });
  });

  it.each([
    ['year 0000', encode({ c: '0000-01-01T00:00:00Z', i: '0d4c8b1e-9f4a-4c7e-8a43-5b3f7c2d9e10' })],
    [
      'an offset no place has',
      encode({ c: '2026-01-01T00:00:00+23:59', i: '0d4c8b1e-9f4a-4c7e-8a43-5b3f7c2d9e10' }),
    ],
    [
      'a month 13',
      encode({ c: '2026-13-01T00:00:00Z', i: '0d4c8b1e-9f4a-4c7e-8a43-5b3f7c2d9e10' }),
    ],
    ['no uuid', encode({ c: '2026-01-01T00:00:00Z', i: 'x' })],
    ['an integer id with a leading zero', encode({ c: '2026-01-01T00:00:00Z', i: '012' })],
    ['an integer id as a number', encode({ c: '2026-01-01T00:00:00Z', i: 12 })],
    [
      'an extra key',
      encode({ c: '2026-01-01T00:00:00Z', i: '0d4c8b1e-9f4a-4c7e-8a43-5b3f7c2d9e10', x: 1 }),
    ],
    [
      'keys in another order',
      encode({ i: '0d4c8b1e-9f4a-4c7e-8a43-5b3f7c2d9e10', c: '2026-01-01T00:00:00Z' }),
    ],
    [
      'padding',
      `${encode({ c: '2026-01-01T00:00:00Z', i: '0d4c8b1e-9f4a-4c7e-8a43-5b3f7c2d9e10' })}=`,
    ],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['not base64url', '%%%'],
    ['too long', 'A'.repeat(201)],
  ])('refuses a cursor with %s', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
    expect(pageQuerySchema.safeParse({ cursor }).success).toBe(false);
  });
});

describe('a page of JSON text built by the database', () => {
  const items = [
    { id: 'a1', createdAt: '2026-11-30T09:05:38.1+00:00', status: 'proposed', score: 0.5 },
    { id: 'b2', createdAt: '2026-11-30T09:05:39+00:00', status: 'approved', score: 1 },
    { id: 'c3', createdAt: '2026-11-30T09:05:40+00:00', status: 'placed', score: 0.25 },
  ];
  const rows = items.map((item) => ({
    id: item.id,
    createdAt: item.createdAt,
    json: JSON.stringify(item),
  }));

  it('is what res.json would send for toPage of the same items, with the same cursor', () => {
    for (const limit of [1, 2, 3, 5]) {
      const page = toJsonPage(rows, limit);
      expect(page.text).toBe(JSON.stringify(toPage(items, limit)));
      expect(page.items.map((row) => row.id)).toEqual(items.slice(0, limit).map((i) => i.id));
    }
  });

  it('is an empty page without a cursor when there are no rows', () => {
    expect(toJsonPage([], 20).text).toBe('{"items":[],"nextCursor":null}');
  });
});
