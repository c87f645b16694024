import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** What a webhook URL may point at; from the configuration. */
export interface WebhookUrlPolicy {
  allowHttp: boolean;
  allowPrivateAddresses: boolean;
}

/**
 * Addresses a webhook must not reach unless the configuration allows it: loopback, private,
 * carrier-grade NAT, link-local (cloud metadata at 169.254.169.254), multicast, reserved and
 * documentation ranges. IPv4-mapped IPv6 addresses are checked against the IPv4 ranges too.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Names that always mean this machine or the local network, whatever DNS says. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|home\.arpa)\.?$/i;

/**
 * Why `raw` is not an acceptable webhook URL, or undefined when it is. Checked on registration;
 * a host name is checked again, by the addresses it resolves to, on every delivery.
 */
export function webhookUrlProblem(raw: string, policy: WebhookUrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    return policy.allowHttp ? 'must use https or http' : 'must use https';
  }
  if (url.username !== '' || url.password !== '') {
    return 'must not carry credentials; the signature authenticates deliveries';
  }
  if (url.hash !== '') return 'must not have a fragment';
  if (!policy.allowPrivateAddresses) {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isInternalAddress(host) || LOCAL_NAME.test(host)) {
      return 'must not point at a loopback, private or link-local address';
    }
  }
  return undefined;
}

/**
 * A DNS lookup for outgoing deliveries that refuses internal addresses (unless allowed), checked
 * on the very addresses the connection then uses, so a name that re-resolves to an internal
 * address between registration and delivery (DNS rebinding) is still refused.
 */
export function guardedLookup(policy: WebhookUrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refused = policy.allowPrivateAddresses
        ? undefined
        : addresses.find((entry) => isInternalAddress(entry.address));
      const [first] = addresses;
      if (refused || !first) {
        const reason = refused
          ? `${hostname} resolves to an internal address`
          : `${hostname} has no address`;
        callback(Object.assign(new Error(reason), { code: 'EWEBHOOKADDRESS' }), '', 0);
        return;
      }
      if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        return;
      }
      callback(null, first.address, first.family);
    });
  };
}

export function webhookUrlPolicy(config: {
  WEBHOOK_ALLOW_HTTP: boolean;
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: boolean;
}): WebhookUrlPolicy {
  return {
    allowHttp: config.WEBHOOK_ALLOW_HTTP,
    allowPrivateAddresses: config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
  };
}
