import { createHmac } from 'node:crypto';

import type { Role } from '../../src/shared/auth/actor';

/** Used when the deployment has no BOOTSTRAP_ADMIN_TOKEN: then the tokens follow from the source. */
const PUBLIC_KEY = 'matchpunt-demo-region';

/**
 * The demo token of an organisation: the same on every run, so the seed can print it again and
 * the README's session keeps working, yet stored only as a hash like any other token. Keyed with
 * the deployment's BOOTSTRAP_ADMIN_TOKEN when there is one, so that only who knows that secret can
 * derive the demo tokens of a deployment.
 */
export function demoToken(role: Role, slug: string, key: string | undefined): string {
  const mac = createHmac('sha256', key ?? PUBLIC_KEY)
    .update(`${role}/${slug}`)
    .digest('hex')
    .slice(0, 24);
  return `mpt_demo_${role}_${slug}_${mac}`;
}
