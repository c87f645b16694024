import { z } from 'zod';

import { applyPatch, deepPartial, requireEveryField } from './schema-shapes';

const schema = z.strictObject({
  weights: z
    .strictObject({ a: z.number().min(0).default(1), b: z.number().min(0).default(2) })
    .default({ a: 1, b: 2 })
    .refine((w) => w.a + w.b > 0, 'at least one weight above 0'),
  cap: z.number().int().default(3),
  caps: z.record(z.string(), z.number()).default({}),
});

describe('requireEveryField', () => {
  const put = requireEveryField(schema);

  it('refuses an empty body, naming every field that had a default', () => {
    const result = put.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'cap',
      'weights',
    ]);
    expect(
      put.safeParse({ weights: {}, cap: 1 }).error?.issues.map((i) => i.path.join('.')),
    ).toEqual(['weights.a', 'weights.b']);
  });

  it('keeps refinements, strictness, and an empty collection as "none"', () => {
    expect(put.safeParse({ weights: { a: 0, b: 0 }, cap: 1 }).error?.issues[0]?.message).toBe(
      'at least one weight above 0',
    );
    expect(put.safeParse({ weights: { a: 1, b: 0 }, cap: 1, extra: 1 }).success).toBe(false);
    expect(put.parse({ weights: { a: 1, b: 0 }, cap: 1 })).toEqual({
      weights: { a: 1, b: 0 },
      cap: 1,
      caps: {},
    });
  });
});

describe('deepPartial and applyPatch', () => {
  const patch = deepPartial(schema);
  const base = { weights: { a: 1, b: 2 }, cap: 3, caps: { x: 1, y: 2 } };

  it('accepts any subset, fills in nothing, and still checks types and unknown fields', () => {
    expect(patch.parse({})).toEqual({});
    expect(patch.parse({ weights: { b: 5 } })).toEqual({ weights: { b: 5 } });
    expect(patch.safeParse({ weights: { b: -1 } }).success).toBe(false);
    expect(patch.safeParse({ weights: { c: 1 } }).success).toBe(false);
    expect(patch.safeParse({ nope: 1 }).success).toBe(false);
  });

  it('merges nested objects field by field and replaces records whole', () => {
    expect(applyPatch(schema, base, { weights: { b: 5 }, caps: { z: 9 } })).toEqual({
      weights: { a: 1, b: 5 },
      cap: 3,
      caps: { z: 9 },
    });
  });
});
