import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url, behind a prefix that makes a leaked secret easy to recognise. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Used only when `WEBHOOK_SECRET_KEY` is unset, which the configuration allows outside
 * production: secrets of a development or test database are not worth protecting.
 */
const DEVELOPMENT_KEY = 'matchpunt development webhook key (not for production)';

/**
 * Encrypts signing secrets at rest with AES-256-GCM under a key from the configuration. The
 * service must be able to read a secret back to sign with it, so it cannot be hashed like an API
 * token. The webhook's id is bound in as associated data: a ciphertext copied onto another
 * webhook's row does not decrypt.
 */
export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(configuredKey: string | undefined) {
    this.key = createHash('sha256')
      .update(configuredKey ?? DEVELOPMENT_KEY)
      .digest();
  }

  seal(secret: string, webhookId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(webhookId));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string, webhookId: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(webhookId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}

export const SIGNATURE_HEADER = 'Matchpunt-Signature';

/** HMAC-SHA256 over `${timestamp}.${body}` with the whole secret (prefix included) as key. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The `Matchpunt-Signature` header: `t=<unix seconds>,v1=<hex HMAC>`. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}
