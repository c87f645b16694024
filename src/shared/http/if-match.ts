import { AppError, BadRequestError } from '../errors/app-error';

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

/** For writes that replace a whole record: without `If-Match` a stale copy would win (428). */
export function requireIfMatch(header: string | undefined): number {
  const version = parseIfMatch(header);
  if (version === undefined) {
    throw new AppError(
      'precondition_required',
      'if_match_required',
      'Send If-Match with the ETag of the version you read, so a change made since is not lost.',
    );
  }
  return version;
}
