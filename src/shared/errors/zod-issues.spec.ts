import { z } from 'zod';

import { fieldErrorsFromZod, formatPath } from './zod-issues';

describe('fieldErrorsFromZod', () => {
  it('formats nested paths with dots and array indices with brackets', () => {
    expect(formatPath(['address', 'postcode'])).toBe('address.postcode');
    expect(formatPath(['anchors', 0, 'lat'])).toBe('anchors[0].lat');
    expect(formatPath([3, 'rent'])).toBe('[3].rent');
  });

  it('lists every invalid field, and each unknown key at its own path', () => {
    const schema = z.strictObject({
      address: z.strictObject({ postcode: z.string().regex(/^\d{4} [A-Z]{2}$/) }),
      anchors: z.array(z.object({ lat: z.number() })),
    });
    const result = schema.safeParse({
      address: { postcode: '12345', city: 'Venlo' },
      anchors: [{ lat: 'north' }],
      tenantName: 'x',
    });
    expect(result.success).toBe(false);
    const paths = fieldErrorsFromZod(result.error!).map((error) => error.path);
    expect(paths.sort()).toEqual([
      'address.city',
      'address.postcode',
      'anchors[0].lat',
      'tenantName',
    ]);
  });

  it('prefixes paths, for errors in one row of a batch', () => {
    const result = z.object({ rent: z.number() }).safeParse({ rent: 'x' });
    expect(fieldErrorsFromZod(result.error!, ['rows', 4])[0]?.path).toBe('rows[4].rent');
  });
});
