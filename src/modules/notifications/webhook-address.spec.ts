import { guardedLookup, isInternalAddress, webhookUrlProblem } from './webhook-address';

const strict = { allowHttp: false, allowPrivateAddresses: false };
const lax = { allowHttp: true, allowPrivateAddresses: true };

describe('webhook addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.20.30.40', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['2a00:1450:4001::200e', false],
    ['example.org', false],
  ])('%s is internal: %s', (address, internal) => {
    expect(isInternalAddress(address)).toBe(internal);
  });

  it.each([
    ['https://hooks.example.org/x', undefined],
    ['https://hooks.example.org:8443/x?k=v', undefined],
    ['http://hooks.example.org/x', 'must use https'],
    ['ftp://hooks.example.org/x', 'must use https'],
    ['https://u:p@hooks.example.org/x', 'must not carry credentials'],
    ['https://u@hooks.example.org/x', 'must not carry credentials'],
    ['https://hooks.example.org/x#f', 'must not have a fragment'],
    ['hooks.example.org/x', 'not an absolute URL'],
    ['https://127.0.0.1/x', 'must not point at'],
    ['https://[::1]/x', 'must not point at'],
    ['https://2130706433/x', 'must not point at'],
    ['https://0x7f.1/x', 'must not point at'],
    ['https://metadata.internal/x', 'must not point at'],
    ['https://LOCALHOST./x', 'must not point at'],
  ])('with the strict policy, %s → %s', (url, problem) => {
    const found = webhookUrlProblem(url, strict);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('with http and private addresses allowed, a local http receiver is fine, credentials still not', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', lax)).toBeUndefined();
    expect(webhookUrlProblem('http://u:p@127.0.0.1:4000/hook', lax)).toContain('credentials');
  });

  it('refuses a name that resolves to an internal address at connection time', async () => {
    const resolve = (policy: typeof strict) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((done) => {
        guardedLookup(policy)('localhost', { family: 0 }, (error, address) => {
          done({ error, address });
        });
      });
    const refused = await resolve(strict);
    expect(refused.error?.message).toMatch(/internal address/);
    const allowed = await resolve(lax);
    expect(allowed.error).toBeNull();
    expect(isInternalAddress(String(allowed.address))).toBe(true);
    // Node's connection code may ask for every address at once (happy eyeballs).
    const all = await new Promise<unknown>((done) => {
      guardedLookup(lax)('localhost', { all: true }, (_error, addresses) => {
        done(addresses);
      });
    });
    expect(Array.isArray(all) && all.length > 0).toBe(true);
    const refusedAll = await new Promise<Error | null>((done) => {
      guardedLookup(strict)('localhost', { all: true }, (error) => {
        done(error);
      });
    });
    expect(refusedAll?.message).toMatch(/internal address/);
  });
});
