import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'mpt_';

/** 256 random bits; only the SHA-256 is stored. Tokens are high-entropy, so no slow hash is needed. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Enough of the token to recognise it in a list, far too little to use it. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, 10);
}
