/**
 * The mix: what matchers, corporations and providers do all day, on the demo region's data. Ids
 * are read from the API first, so every request names a real record and every write is valid
 * (an error or a non-2xx answer is a fault, not a test artefact).
 */
import type { EndpointClass, Request } from './measure';

export type Role = 'admin' | 'matcher' | 'corporation' | 'provider' | 'viewer';

export interface Token {
  role: Role;
  slug: string;
  token: string;
}

/** Demo tokens as `npm run seed:demo` prints them: `mpt_demo_<role>_<organisation>_<hex>`. */
export function parseTokens(text: string): Token[] {
  const found = new Map<string, Token>();
  for (const match of text.matchAll(
    /mpt_demo_(admin|matcher|corporation|provider|viewer)_([a-z0-9-]+)_[0-9a-f]+/g,
  )) {
    const [token, role, slug] = match;
    if (token && role && slug) found.set(slug, { role: role as Role, slug, token });
  }
  return [...found.values()];
}

const API = '/api/v1';

async function getJson<T>(base: string, path: string, token: string): Promise<T> {
  const response = await fetch(`${base}${API}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function post(base: string, path: string, token: string): Promise<number> {
  const response = await fetch(`${base}${API}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

async function all<T>(base: string, path: string, token: string, most = 2_000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<T> = await getJson<Page<T>>(
      base,
      `${path}${separator}limit=100${after}`,
      token,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < most);
  return items;
}

interface ProposalItem {
  id: string;
}

interface ClientItem {
  id: string;
  version: number;
  status: string;
  matchable: boolean;
  notMatchableReasons: string[];
  maxRent: number;
}

export interface World {
  matchers: Token[];
  corporations: Token[];
  providers: Token[];
  regionCode: string;
  unitIds: string[];
  clientIds: string[];
  proposalIds: string[];
  /** Waiting clients no run can propose (no consent), so a profile change is always allowed. */
  editableClients: { token: string; id: string; version: number; maxRent: number }[];
  /** Approved proposals and the token of the corporation that may accept each. */
  toAccept: { token: string; id: string }[];
  /** The corporation that registers new homes, and where (one of its own municipalities). */
  unitMaker: Token;
}

function pick<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('the demo data is missing records the mix needs');
  return item;
}

/** Reads what the mix will name; approves up to `approve` proposals for the corporations to accept. */
export async function discoverWorld(
  base: string,
  tokens: Token[],
  approve: number,
): Promise<World> {
  const of = (role: Role) => tokens.filter((t) => t.role === role);
  const matchers = of('matcher');
  const corporations = of('corporation');
  const providers = of('provider');
  const matcher = matchers[0];
  const unitMaker = corporations.find((t) => t.slug === 'woonstichting-maasdal') ?? corporations[0];
  if (!matcher || !unitMaker || providers.length === 0) {
    throw new Error('need the demo tokens of a matcher, a corporation and a provider');
  }
  const regions = await getJson<Page<{ code: string }>>(base, '/regions?limit=10', matcher.token);
  const regionCode = regions.items[0]?.code;
  if (regionCode === undefined) throw new Error('the matcher sees no region');
  const unitIds = (await all<{ id: string }>(base, '/units', matcher.token, 300)).map((u) => u.id);
  const clientIds = (await all<{ id: string }>(base, '/clients', matcher.token, 300)).map(
    (c) => c.id,
  );
  const proposals = await all<ProposalItem>(base, '/proposals?status=proposed', matcher.token);
  // A proposal names no corporation; the matcher's filter does.
  const toAccept: World['toAccept'] = [];
  for (const corporation of corporations) {
    const own = await getJson<Page<{ id: string }>>(base, '/organisations', corporation.token);
    const id = own.items[0]?.id;
    if (id === undefined) continue;
    const share = Math.ceil(approve / corporations.length);
    const theirs = await all<ProposalItem>(
      base,
      `/proposals?status=proposed&corporationId=${id}`,
      matcher.token,
      share,
    );
    for (const proposal of theirs.slice(0, share)) {
      if ((await post(base, `/proposals/${proposal.id}/approve`, matcher.token)) === 200) {
        toAccept.push({ token: corporation.token, id: proposal.id });
      }
    }
  }
  const editableClients: World['editableClients'] = [];
  for (const provider of providers) {
    for (const client of await all<ClientItem>(base, '/clients?status=waiting', provider.token)) {
      if (client.notMatchableReasons.includes('no_consent')) {
        editableClients.push({
          token: provider.token,
          id: client.id,
          version: client.version,
          maxRent: client.maxRent,
        });
      }
    }
  }
  return {
    matchers,
    corporations,
    providers,
    regionCode,
    unitIds,
    clientIds,
    proposalIds: proposals.map((p) => p.id),
    editableClients,
    toAccept,
    unitMaker,
  };
}

function cycling(make: (i: number) => Request): () => Request {
  let i = 0;
  return () => make(i++);
}

// Connections a paced class may open (undici opens them as needed): one per 2 requests/s, so even
// at 500 ms an answer the load generator's own pool is not where requests queue; the users it
// stands for do not wait for each other either.
const connectionsFor = (rate: number) => Math.max(8, Math.ceil(rate / 2));

/** The matchers' reading day, `total` requests/s over all read classes; undefined = saturation. */
export function readClasses(world: World, total: number): EndpointClass[] {
  const matcher = (i: number) => pick(world.matchers, i).token;
  const shares: [string, number, (i: number) => Request][] = [
    [
      'proposals-list',
      0.16,
      (i) => ({ method: 'GET', path: `${API}/proposals?limit=20`, token: matcher(i) }),
    ],
    [
      'proposal-get',
      0.16,
      (i) => ({
        method: 'GET',
        path: `${API}/proposals/${pick(world.proposalIds, i)}`,
        token: matcher(0),
      }),
    ],
    [
      'candidates',
      0.08,
      (i) => ({
        method: 'GET',
        path: `${API}/units/${pick(world.unitIds, i)}/candidates?limit=20`,
        token: matcher(0),
      }),
    ],
    [
      'clients-list',
      0.16,
      (i) => ({ method: 'GET', path: `${API}/clients?limit=20`, token: matcher(i) }),
    ],
    [
      'client-get',
      0.16,
      (i) => ({
        method: 'GET',
        path: `${API}/clients/${pick(world.clientIds, i)}`,
        token: matcher(0),
      }),
    ],
    [
      'units-list',
      0.12,
      (i) => ({ method: 'GET', path: `${API}/units?limit=20`, token: matcher(i) }),
    ],
    [
      'unit-get',
      0.12,
      (i) => ({ method: 'GET', path: `${API}/units/${pick(world.unitIds, i)}`, token: matcher(0) }),
    ],
    [
      'runs-list',
      0.04,
      () => ({
        method: 'GET',
        path: `${API}/matching/runs?regionCode=${world.regionCode}&limit=20`,
        token: matcher(0),
      }),
    ],
  ];
  return shares.map(([name, share, make]) => ({
    name,
    kind: 'read' as const,
    rate: total * share,
    connections: connectionsFor(total * share),
    next: cycling(make),
  }));
}

/** Every list endpoint of the mix, each alone as fast as it answers (one class per run). */
export function listClasses(world: World): EndpointClass[] {
  return readClasses(world, 0)
    .filter((c) => c.name.endsWith('-list') || c.name === 'candidates')
    .map((c) => {
      const { rate: _rate, ...rest } = c;
      return { ...rest, connections: 20 };
    });
}

// Across phases: every home registered by one load test has its own reference.
let unitNumber = 0;

/** The writes: homes registered, client profiles changed (If-Match), proposals accepted. */
export function writeClasses(
  world: World,
  total: number,
  seconds: number,
  tag: string,
): EndpointClass[] {
  const free = [...world.editableClients];
  /** Clients with a change in flight, oldest first; a client twice when it has two. */
  const inFlight: typeof free = [];
  // With room to spare: a proposal accepted twice is a 409.
  const acceptRate = Math.min(total * 0.2, world.toAccept.length / (seconds * 1.5));
  const rest = total - acceptRate;
  let lastAccepted = world.toAccept[0];
  const classes: EndpointClass[] = [
    {
      name: 'unit-create',
      kind: 'write',
      rate: rest / 2,
      connections: connectionsFor(rest / 2),
      next: () => ({
        method: 'POST',
        path: `${API}/units`,
        token: world.unitMaker.token,
        body: {
          externalRef: `LOAD-${tag}-U-${++unitNumber}`,
          type: 'contingent',
          address: {
            street: 'Kerkstraat',
            houseNumber: String(1 + (unitNumber % 200)),
            postcode: '5913 AB',
            municipalityCode: 'GM0983',
          },
          neighbourhoodCode: 'BU09830500',
          location: { lat: 51.3668, lon: 6.1452 },
          rent: 642.5,
          bedrooms: 1,
          floor: 1,
          hasLift: false,
          wheelchairAccessible: false,
          stimulus: 'low',
          furnished: false,
          availableFrom: '2027-02-01',
          contingentYear: 2027,
        },
      }),
    },
    {
      name: 'client-update',
      kind: 'write',
      rate: rest / 2,
      connections: connectionsFor(rest / 2),
      // One change at a time per client, with the version last read: If-Match never goes stale.
      // When every client has a change in flight (a service seconds behind), the next change goes
      // to the one sent longest ago, without If-Match (the API allows it): with the version last
      // read it would be refused as stale, by the generator's doing, not the service's. It is sent
      // after that client's change in flight, which so still finds its version (unless the service
      // took them out of order: then its 412 is the service's right answer).
      next: () => {
        const client = free.shift();
        let target = client;
        if (!target) {
          // The oldest, moved to the back so that the next such change goes to another client.
          target = inFlight.shift();
          if (target) inFlight.push(target);
        }
        target ??= pick(world.editableClients, 0);
        inFlight.push(target);
        return {
          method: 'PATCH',
          path: `${API}/clients/${target.id}`,
          token: target.token,
          ...(client ? { ifMatch: `"${client.version}"` } : {}),
          body: { maxRent: target.maxRent === 700 ? 710 : 700 },
        };
      },
      answered: (request, status, body) => {
        const client = world.editableClients.find((c) => request.path.endsWith(c.id));
        if (!client) return;
        if (status === 200) {
          const changed = JSON.parse(body) as { version: number; maxRent: number };
          // Answers of one client's changes may come out of order: the newest version wins.
          if (changed.version > client.version) {
            client.version = changed.version;
            client.maxRent = changed.maxRent;
          }
        }
        const at = inFlight.indexOf(client);
        if (at >= 0) inFlight.splice(at, 1);
        // Free again once none of its changes is in flight.
        if (!inFlight.includes(client) && !free.includes(client)) free.push(client);
      },
    },
  ];
  if (acceptRate > 0) {
    classes.push({
      name: 'proposal-accept',
      kind: 'write',
      rate: acceptRate,
      connections: connectionsFor(acceptRate),
      // Each approved proposal is accepted once (the rate is sized to what is there); were they
      // to run out, the last one again answers 409 and shows up as a non-2xx.
      next: () => {
        const proposal = world.toAccept.shift() ?? lastAccepted;
        if (!proposal) throw new Error('no approved proposal to accept');
        lastAccepted = proposal;
        return {
          method: 'POST',
          path: `${API}/proposals/${proposal.id}/accept`,
          token: proposal.token,
        };
      },
    });
  }
  return classes;
}

/**
 * Asks each home's candidates once from every API process, one at a time; returns the ms taken.
 * The first ask after a region changed ranks the home and later asks answer from the kept ranking:
 * by the time a matcher's day is measured, its homes have long been looked at, so a read phase must
 * not measure every home's first ranking at once (the mixed phase's writes still make rankings
 * anew).
 */
export async function rankEveryUnit(urls: readonly string[], world: World): Promise<number> {
  const token = pick(world.matchers, 0).token;
  const start = performance.now();
  for (const base of urls) {
    for (const id of world.unitIds) await getJson(base, `/units/${id}/candidates?limit=20`, token);
  }
  return performance.now() - start;
}

/** True while a matching run of the region is queued or running (the first one after a seed). */
export async function runsBusy(base: string, world: World): Promise<boolean> {
  const matcher = pick(world.matchers, 0).token;
  const runs = await getJson<Page<{ status: string }>>(
    base,
    `/matching/runs?regionCode=${world.regionCode}&limit=5`,
    matcher,
  );
  return runs.items.some((run) => run.status === 'queued' || run.status === 'running');
}

/**
 * Reads the current version of every client the writes change: a change whose answer came after
 * the previous phase ended has moved it on, and a stale If-Match would be our error, not the API's.
 */
export async function refreshEditable(base: string, world: World): Promise<void> {
  for (const client of world.editableClients) {
    const fresh = await getJson<ClientItem>(base, `/clients/${client.id}`, client.token);
    client.version = fresh.version;
    client.maxRent = fresh.maxRent;
  }
}
