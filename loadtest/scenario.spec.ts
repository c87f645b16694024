import { type Token, type World, writeClasses } from './scenario';

const token = (role: Token['role'], slug: string): Token => ({
  role,
  slug,
  token: `mpt_${slug}`,
});

function world(): World {
  const provider = token('provider', 'provider');
  return {
    matchers: [token('matcher', 'matcher')],
    corporations: [token('corporation', 'corporation')],
    providers: [provider],
    regionCode: 'region',
    unitIds: ['unit'],
    clientIds: ['a', 'b'],
    proposalIds: [],
    editableClients: [
      { token: provider.token, id: 'a', version: 3, maxRent: 700 },
      { token: provider.token, id: 'b', version: 5, maxRent: 700 },
    ],
    toAccept: [],
    unitMaker: token('corporation', 'corporation'),
  };
}

const answer = (version: number, maxRent: number) => JSON.stringify({ version, maxRent });

describe('the providers’ client changes in the mix', () => {
  it('sends each client one change at a time with the version last read as If-Match', () => {
    const changes = writeClasses(world(), 10, 10, 'T').find((c) => c.name === 'client-update')!;
    const first = changes.next();
    const second = changes.next();
    expect([first.path, first.ifMatch]).toEqual(['/api/v1/clients/a', '"3"']);
    expect([second.path, second.ifMatch]).toEqual(['/api/v1/clients/b', '"5"']);
    changes.answered!(first, 200, answer(4, 710));
    const third = changes.next();
    expect([third.path, third.ifMatch, third.body]).toEqual([
      '/api/v1/clients/a',
      '"4"',
      { maxRent: 700 },
    ]);
  });

  it('when every client has a change in flight, then the next goes to the oldest without If-Match', () => {
    const changes = writeClasses(world(), 10, 10, 'T').find((c) => c.name === 'client-update')!;
    const toA = changes.next();
    const toB = changes.next();
    const borrowedA = changes.next();
    const borrowedB = changes.next();
    expect([borrowedA.path, borrowedA.ifMatch]).toEqual(['/api/v1/clients/a', undefined]);
    expect([borrowedB.path, borrowedB.ifMatch]).toEqual(['/api/v1/clients/b', undefined]);
    // a's answers come out of order: the newest version is kept, and a is free once both are in.
    changes.answered!(borrowedA, 200, answer(5, 700));
    changes.answered!(toA, 200, answer(4, 710));
    const next = changes.next();
    expect([next.path, next.ifMatch]).toEqual(['/api/v1/clients/a', '"5"']);
    // b still has two changes in flight; once one is in, it is still not free.
    changes.answered!(toB, 200, answer(6, 710));
    const again = changes.next();
    expect(again.ifMatch).toBeUndefined();
    expect(again.path).toBe('/api/v1/clients/b');
  });
});
