import type { z } from 'zod';

import type { FieldError } from './app-error';

/** `['address', 'postcode']` → `address.postcode`; `['anchors', 0, 'lat']` → `anchors[0].lat`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Every zod issue as a field error; an unknown key becomes an error at that key's own path. */
export function fieldErrorsFromZod(
  error: z.ZodError,
  prefix: readonly PropertyKey[] = [],
): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: 'unknown field',
      }));
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}
