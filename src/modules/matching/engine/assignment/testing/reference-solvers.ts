/**
 * Slow, simple solvers to check the real ones against (tests only). They read the string-id
 * instance directly, so they share no code with the compact conversion or the fast solvers.
 */
import type { AssignmentInstance } from '../assignment.types';

export interface ReferenceResult {
  assigned: number;
  /** Urgent clients housed and their days waited, fixed pairs included. */
  urgent: number;
  waitDays: number;
  /** Total score in micro-points, fixed pairs included. */
  objectiveMicro: number;
  assignment: { client: string; unit: string }[];
}

const micro = (score: number): number => Math.round(score * 1_000_000);

interface Residual {
  clients: string[];
  units: AssignmentInstance['units'];
  /** Cap left per area after the fixed pairs; absent = no cap. */
  neighbourhoodLeft: Map<string, number>;
  municipalityLeft: Map<string, number>;
  /** Capacity left per group after the fixed pairs. */
  groupLeft: Map<string, number>;
  fixedAssigned: number;
  fixedUrgent: number;
  fixedWaitDays: number;
  fixedMicro: number;
  fixed: { client: string; unit: string }[];
}

function residual(instance: AssignmentInstance): Residual {
  const fixed = instance.fixed ?? [];
  const fixedClients = new Set(fixed.map((pair) => pair.client));
  const fixedUnits = new Set(fixed.map((pair) => pair.unit));
  const neighbourhoodLeft = new Map(Object.entries(instance.caps.neighbourhoods ?? {}));
  const municipalityLeft = new Map(Object.entries(instance.caps.municipalities ?? {}));
  const groupLeft = new Map(Object.entries(instance.groups ?? {}));
  const clientById = new Map(instance.clients.map((client) => [client.id, client]));
  let fixedMicro = 0;
  let fixedUrgent = 0;
  let fixedWaitDays = 0;
  for (const pair of fixed) {
    const unit = instance.units.find((u) => u.id === pair.unit);
    if (!unit) throw new Error(`fixed unit ${pair.unit} unknown`);
    const n = neighbourhoodLeft.get(unit.neighbourhood);
    if (n !== undefined) neighbourhoodLeft.set(unit.neighbourhood, Math.max(0, n - 1));
    const m = municipalityLeft.get(unit.municipality);
    if (m !== undefined) municipalityLeft.set(unit.municipality, Math.max(0, m - 1));
    const listed = instance.pairs.find((p) => p.client === pair.client && p.unit === pair.unit);
    fixedMicro += listed ? micro(listed.score) : 0;
    const g = listed?.group === undefined ? undefined : groupLeft.get(listed.group);
    if (listed?.group !== undefined && g !== undefined) {
      groupLeft.set(listed.group, Math.max(0, g - 1));
    }
    const client = clientById.get(pair.client);
    if (client?.urgent) fixedUrgent++;
    fixedWaitDays += client?.waitDays ?? 0;
  }
  return {
    clients: instance.clients.map((c) => c.id).filter((id) => !fixedClients.has(id)),
    units: instance.units.filter((u) => !fixedUnits.has(u.id)),
    neighbourhoodLeft,
    municipalityLeft,
    groupLeft,
    fixedAssigned: fixed.length,
    fixedUrgent,
    fixedWaitDays,
    fixedMicro,
    fixed,
  };
}

/** Tier totals, most important first, compared lexicographically (docs/solver.md). */
type Totals = readonly [assigned: number, urgent: number, waitDays: number, micro: number];

function better(a: Totals, b: Totals): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}

/**
 * Every assignment, by depth-first search over clients, keeping the best by the tiers: most
 * housed, then most urgent housed, then most days waited, then the highest total score. Caps and
 * capacity groups (fixed pairs counted) respected. For a handful of clients only.
 */
export function bruteForceOptimum(instance: AssignmentInstance): ReferenceResult {
  const r = residual(instance);
  const unitById = new Map(r.units.map((unit) => [unit.id, unit]));
  const clientById = new Map(instance.clients.map((client) => [client.id, client]));
  const options = r.clients.map((client) =>
    instance.pairs.filter((pair) => pair.client === client && unitById.has(pair.unit)),
  );
  const used = new Set<string>();
  const use = new Map<string, number>();
  const chosen: { client: string; unit: string }[] = [];
  let best: { totals: Totals; assignment: typeof chosen } = {
    totals: [-1, -1, -1, -1],
    assignment: [],
  };
  const room = (key: string, left: number | undefined): boolean =>
    left === undefined || (use.get(key) ?? 0) < left;
  const bump = (key: string, by: number): void => {
    use.set(key, (use.get(key) ?? 0) + by);
  };

  const visit = (i: number, totals: Totals): void => {
    if (i === r.clients.length) {
      if (better(totals, best.totals)) best = { totals, assignment: [...chosen] };
      return;
    }
    visit(i + 1, totals);
    const client = clientById.get(r.clients[i] ?? '');
    for (const pair of options[i] ?? []) {
      const unit = unitById.get(pair.unit);
      if (!unit || used.has(unit.id)) continue;
      const keys = [`n:${unit.neighbourhood}`, `m:${unit.municipality}`];
      if (!room(keys[0] ?? '', r.neighbourhoodLeft.get(unit.neighbourhood))) continue;
      if (!room(keys[1] ?? '', r.municipalityLeft.get(unit.municipality))) continue;
      if (pair.group !== undefined) {
        keys.push(`g:${pair.group}`);
        if (!room(`g:${pair.group}`, r.groupLeft.get(pair.group))) continue;
      }
      used.add(unit.id);
      for (const key of keys) bump(key, 1);
      chosen.push({ client: pair.client, unit: pair.unit });
      visit(i + 1, [
        totals[0] + 1,
        totals[1] + (client?.urgent ? 1 : 0),
        totals[2] + (client?.waitDays ?? 0),
        totals[3] + micro(pair.score),
      ]);
      chosen.pop();
      used.delete(unit.id);
      for (const key of keys) bump(key, -1);
    }
  };
  visit(0, [0, 0, 0, 0]);
  return {
    assigned: best.totals[0] + r.fixedAssigned,
    urgent: best.totals[1] + r.fixedUrgent,
    waitDays: best.totals[2] + r.fixedWaitDays,
    objectiveMicro: best.totals[3] + r.fixedMicro,
    assignment: [...r.fixed, ...best.assignment],
  };
}

/**
 * Textbook min-cost max-flow: source → client → unit → neighbourhood → municipality → sink, cost
 * -score on the pair arcs, successive shortest paths found by Bellman–Ford (no potentials, no
 * big-M). Maximum flow at minimum cost is exactly the objective without tiers or groups (it
 * ignores both; `urgent` and `waitDays` count what its assignment houses).
 */
export function bellmanFordOptimum(instance: AssignmentInstance): ReferenceResult {
  const r = residual(instance);
  const names: string[] = [];
  const node = new Map<string, number>();
  const nodeOf = (name: string): number => {
    let id = node.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      node.set(name, id);
    }
    return id;
  };
  const source = nodeOf('source');
  const sink = nodeOf('sink');
  const to: number[] = [];
  const capacity: number[] = [];
  const cost: number[] = [];
  const from: number[] = [];
  const addArc = (a: number, b: number, cap: number, c: number): void => {
    from.push(a, b);
    to.push(b, a);
    capacity.push(cap, 0);
    cost.push(c, -c);
  };
  const unitIds = new Set(r.units.map((u) => u.id));
  const clientIds = new Set(r.clients);
  for (const client of r.clients) addArc(source, nodeOf(`c:${client}`), 1, 0);
  const pairArcs: { arc: number; client: string; unit: string }[] = [];
  for (const pair of instance.pairs) {
    if (!clientIds.has(pair.client) || !unitIds.has(pair.unit)) continue;
    pairArcs.push({ arc: to.length, client: pair.client, unit: pair.unit });
    addArc(nodeOf(`c:${pair.client}`), nodeOf(`u:${pair.unit}`), 1, -micro(pair.score));
  }
  const neighbourhoods = new Map<string, string>();
  for (const unit of r.units) {
    addArc(nodeOf(`u:${unit.id}`), nodeOf(`n:${unit.neighbourhood}`), 1, 0);
    neighbourhoods.set(unit.neighbourhood, unit.municipality);
  }
  const municipalities = new Set<string>();
  for (const [neighbourhood, municipality] of neighbourhoods) {
    const cap = r.neighbourhoodLeft.get(neighbourhood) ?? r.units.length;
    addArc(nodeOf(`n:${neighbourhood}`), nodeOf(`m:${municipality}`), cap, 0);
    municipalities.add(municipality);
  }
  for (const municipality of municipalities) {
    const cap = r.municipalityLeft.get(municipality) ?? r.units.length;
    addArc(nodeOf(`m:${municipality}`), sink, cap, 0);
  }

  let flowCost = 0;
  let flow = 0;
  for (;;) {
    const dist = new Array<number>(names.length).fill(Infinity);
    const via = new Array<number>(names.length).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < names.length; round++) {
      let changed = false;
      for (let arc = 0; arc < to.length; arc++) {
        const a = from[arc] ?? 0;
        const b = to[arc] ?? 0;
        const da = dist[a] ?? Infinity;
        if ((capacity[arc] ?? 0) > 0 && da + (cost[arc] ?? 0) < (dist[b] ?? Infinity)) {
          dist[b] = da + (cost[arc] ?? 0);
          via[b] = arc;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    for (let v = sink; v !== source;) {
      const arc = via[v] ?? 0;
      capacity[arc] = (capacity[arc] ?? 0) - 1;
      capacity[arc ^ 1] = (capacity[arc ^ 1] ?? 0) + 1;
      v = from[arc] ?? 0;
    }
    flow++;
    flowCost += dist[sink] ?? 0;
  }
  const assignment = pairArcs
    .filter(({ arc }) => capacity[arc] === 0)
    .map(({ client, unit }) => ({ client, unit }));
  const clientById = new Map(instance.clients.map((client) => [client.id, client]));
  return {
    assigned: flow + r.fixedAssigned,
    urgent:
      r.fixedUrgent + assignment.filter((a) => clientById.get(a.client)?.urgent === true).length,
    waitDays:
      r.fixedWaitDays +
      assignment.reduce((sum, a) => sum + (clientById.get(a.client)?.waitDays ?? 0), 0),
    objectiveMicro: -flowCost + r.fixedMicro,
    assignment: [...r.fixed, ...assignment],
  };
}

/**
 * Greedy by the book: sort every allowed pair (urgent clients first, then longer waits, then score
 * desc, client id, unit id) and take each in turn when its client, unit, areas and group allow.
 */
export function naiveGreedy(instance: AssignmentInstance): ReferenceResult {
  const r = residual(instance);
  const clients = new Set(r.clients);
  const clientById = new Map(instance.clients.map((client) => [client.id, client]));
  const unitById = new Map(r.units.map((unit) => [unit.id, unit]));
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const urgent = (id: string): number => (clientById.get(id)?.urgent ? 1 : 0);
  const wait = (id: string): number => clientById.get(id)?.waitDays ?? 0;
  const pairs = instance.pairs
    .filter((pair) => clients.has(pair.client) && unitById.has(pair.unit))
    .sort(
      (a, b) =>
        urgent(b.client) - urgent(a.client) ||
        wait(b.client) - wait(a.client) ||
        micro(b.score) - micro(a.score) ||
        byId(a.client, b.client) ||
        byId(a.unit, b.unit),
    );
  const taken = new Set<string>();
  const use = new Map<string, number>();
  const assignment: { client: string; unit: string }[] = [];
  let total = 0;
  for (const pair of pairs) {
    const unit = unitById.get(pair.unit);
    if (!unit || taken.has(pair.client) || taken.has(`unit:${pair.unit}`)) continue;
    const nUse = use.get(unit.neighbourhood) ?? 0;
    const mUse = use.get(`m:${unit.municipality}`) ?? 0;
    const gKey = `g:${pair.group ?? ''}`;
    const gUse = use.get(gKey) ?? 0;
    if (nUse >= (r.neighbourhoodLeft.get(unit.neighbourhood) ?? Infinity)) continue;
    if (mUse >= (r.municipalityLeft.get(unit.municipality) ?? Infinity)) continue;
    if (pair.group !== undefined && gUse >= (r.groupLeft.get(pair.group) ?? Infinity)) continue;
    taken.add(pair.client);
    taken.add(`unit:${pair.unit}`);
    use.set(unit.neighbourhood, nUse + 1);
    use.set(`m:${unit.municipality}`, mUse + 1);
    use.set(gKey, gUse + 1);
    assignment.push({ client: pair.client, unit: pair.unit });
    total += micro(pair.score);
  }
  return {
    assigned: r.fixedAssigned + assignment.length,
    urgent: r.fixedUrgent + assignment.reduce((sum, a) => sum + urgent(a.client), 0),
    waitDays: r.fixedWaitDays + assignment.reduce((sum, a) => sum + wait(a.client), 0),
    objectiveMicro: r.fixedMicro + total,
    assignment: [...r.fixed, ...assignment],
  };
}
