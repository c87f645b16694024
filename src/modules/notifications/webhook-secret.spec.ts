import { createHmac } from 'node:crypto';

import { generateWebhookSecret, signatureHeader, WebhookSecretBox } from './webhook-secret';

describe('webhook secrets', () => {
  const id = '6f1c2a9e-0d4b-4c35-9a8e-2f0b7d1e5c43';
  const otherId = '0b7e6a52-3c1d-4f8e-b2a9-9d5c4e3f2a10';

  it('generates 32 random bytes behind a recognisable prefix', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(6), 'base64url')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });

  it('opens what it sealed, for the same webhook under the same key only', () => {
    const box = new WebhookSecretBox('a-configured-key-of-at-least-32-characters');
    const secret = generateWebhookSecret();
    const sealed = box.seal(secret, id);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed, id)).toBe(secret);
    expect(box.seal(secret, id)).not.toBe(sealed);
    expect(() => box.open(sealed, otherId)).toThrow();
    expect(() =>
      new WebhookSecretBox('another-configured-key-of-32-characters!!').open(sealed, id),
    ).toThrow();
  });

  it('signs HMAC-SHA256 over the timestamp, a full stop and the body, keyed with the whole secret', () => {
    const secret = generateWebhookSecret();
    const body = '{"id":"x","type":"proposal.approved"}';
    const expected = createHmac('sha256', secret).update(`1800000000.${body}`).digest('hex');
    expect(signatureHeader(secret, 1_800_000_000, body)).toBe(`t=1800000000,v1=${expected}`);
    expect(signatureHeader(secret, 1_800_000_001, body)).not.toBe(
      signatureHeader(secret, 1_800_000_000, body),
    );
    expect(signatureHeader(generateWebhookSecret(), 1_800_000_000, body)).not.toContain(expected);
  });
});
