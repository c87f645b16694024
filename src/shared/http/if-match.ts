import { BadRequestError } from '../errors/app-error';

/** `"3"` or `W/"3"` → 3; absent → undefined. A list or a wildcard is not what we hand out. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new BadRequestError('If-Match must be the ETag of the current version, e.g. "3".', [
      { path: 'If-Match', message: 'expected an ETag such as "3"' },
    ]);
  }
  return Number(match[1]);
}

export const etag = (version: number) => `"${version}"`;
