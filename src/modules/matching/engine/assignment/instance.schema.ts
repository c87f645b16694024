import { z } from 'zod';

import { fieldErrorsFromZod } from '../../../../shared/errors/zod-issues';
import { InstanceError } from './assignment.errors';
import type { AssignmentInstance } from './assignment.types';

/*
 * The instance format of docs/solver.md. zod checks the envelope, clients, units, caps and fixed pairs; the
 * pairs, millions of them at national scale, are checked by a plain loop instead (zod takes about
 * 2 s for 2.5 M pair objects on this machine, the loop a tenth of that). Both report the first
 * problem as one `path: reason` line.
 */

/** The message for a value that is absent, or present but not `what`. */
const expecting = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : what),
});

const ID = 'must be a non-empty string';
const idSchema = z.string(expecting(ID)).min(1, { error: ID });
const CAP = 'must be a non-negative integer';
const capSchema = z.number(expecting(CAP)).int({ error: CAP }).min(0, { error: CAP });
const capsSchema = z.record(z.string(), capSchema, expecting('must be an object'));
const WAIT = 'must be a non-negative integer (days)';
const waitSchema = z
  .number(expecting(WAIT))
  .int({ error: WAIT })
  .min(0, { error: WAIT })
  .max(2 ** 31 - 1, { error: WAIT });

const envelopeSchema = z.strictObject(
  {
    clients: z.array(
      z.strictObject(
        {
          id: idSchema,
          urgent: z.boolean(expecting('must be true or false')).optional(),
          waitDays: waitSchema.optional(),
        },
        expecting('must be an object'),
      ),
      expecting('must be an array'),
    ),
    units: z.array(
      z.strictObject(
        { id: idSchema, neighbourhood: idSchema, municipality: idSchema },
        expecting('must be an object'),
      ),
      expecting('must be an array'),
    ),
    caps: z
      .strictObject(
        { neighbourhoods: capsSchema.optional(), municipalities: capsSchema.optional() },
        expecting('must be an object'),
      )
      .optional(),
    pairs: z.array(z.unknown(), expecting('must be an array')),
    groups: capsSchema.optional(),
    fixed: z
      .array(
        z.strictObject({ client: idSchema, unit: idSchema }, expecting('must be an object')),
        expecting('must be an array'),
      )
      .optional(),
  },
  expecting('must be an object'),
);

/**
 * Checks a parsed JSON value against the instance format of docs/solver.md and returns it typed. Throws an
 * `InstanceError` naming the first offending field: wrong types, missing or unknown fields,
 * unknown or duplicate ids, duplicate pairs, scores outside [0, 1], caps, group capacities or
 * waits that are not non-negative integers, a pair naming an unknown group, a neighbourhood in
 * two municipalities, fixed pairs that clash. The tier and group fields are docs/solver.md's
 * extension; instances without them mean what they always meant.
 */
export function parseInstance(json: unknown): AssignmentInstance {
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const [first] = fieldErrorsFromZod(parsed.error);
    throw new InstanceError(first?.path || 'instance', first?.message ?? 'is invalid');
  }
  const envelope = parsed.data;

  const clientIndex = uniqueIds(envelope.clients, 'clients', 'client');
  const unitIndex = uniqueIds(envelope.units, 'units', 'unit');

  const municipalityOf = new Map<string, { municipality: string; unit: number }>();
  envelope.units.forEach((unit, i) => {
    const seen = municipalityOf.get(unit.neighbourhood);
    if (seen === undefined) {
      municipalityOf.set(unit.neighbourhood, { municipality: unit.municipality, unit: i });
    } else if (seen.municipality !== unit.municipality) {
      throw new InstanceError(
        `units[${i}].municipality`,
        `neighbourhood "${unit.neighbourhood}" lies in municipality "${seen.municipality}" ` +
          `(units[${seen.unit}]), not "${unit.municipality}"`,
      );
    }
  });

  const groups = envelope.groups;
  const pairs = checkPairs(envelope.pairs, clientIndex, unitIndex, groups);

  const fixed = envelope.fixed;
  if (fixed !== undefined) {
    const clientTaken = new Map<string, number>();
    const unitTaken = new Map<string, number>();
    fixed.forEach((pair, i) => {
      if (!clientIndex.has(pair.client)) {
        throw new InstanceError(`fixed[${i}].client`, `unknown client "${pair.client}"`);
      }
      if (!unitIndex.has(pair.unit)) {
        throw new InstanceError(`fixed[${i}].unit`, `unknown unit "${pair.unit}"`);
      }
      const clientAt = clientTaken.get(pair.client);
      if (clientAt !== undefined) {
        throw new InstanceError(
          `fixed[${i}].client`,
          `client "${pair.client}" is already in fixed[${clientAt}]`,
        );
      }
      const unitAt = unitTaken.get(pair.unit);
      if (unitAt !== undefined) {
        throw new InstanceError(
          `fixed[${i}].unit`,
          `unit "${pair.unit}" is already in fixed[${unitAt}]`,
        );
      }
      clientTaken.set(pair.client, i);
      unitTaken.set(pair.unit, i);
    });
  }

  const instance: AssignmentInstance = {
    clients: envelope.clients,
    units: envelope.units,
    caps: envelope.caps ?? {},
    pairs,
  };
  if (fixed !== undefined) instance.fixed = fixed;
  if (groups !== undefined) instance.groups = groups;
  return instance;
}

function uniqueIds(
  items: readonly { id: string }[],
  field: string,
  noun: string,
): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = index.get(item.id);
    if (first !== undefined) {
      throw new InstanceError(
        `${field}[${i}].id`,
        `duplicate ${noun} "${item.id}" (also ${field}[${first}])`,
      );
    }
    index.set(item.id, i);
  });
  return index;
}

const PAIR_FIELDS = new Set(['client', 'unit', 'score', 'group']);

function checkPairs(
  raw: readonly unknown[],
  clientIndex: ReadonlyMap<string, number>,
  unitIndex: ReadonlyMap<string, number>,
  groups: Record<string, number> | undefined,
): AssignmentInstance['pairs'] {
  const pairCount = raw.length;
  const pairClient = new Int32Array(pairCount);
  const pairUnit = new Int32Array(pairCount);
  for (let i = 0; i < pairCount; i++) {
    const pair = raw[i];
    const path = `pairs[${i}]`;
    if (typeof pair !== 'object' || pair === null || Array.isArray(pair)) {
      throw new InstanceError(path, 'must be an object');
    }
    for (const key in pair) {
      if (!PAIR_FIELDS.has(key)) throw new InstanceError(`${path}.${key}`, 'unknown field');
    }
    const { client, unit, score, group } = pair as Record<string, unknown>;
    pairClient[i] = reference(client, clientIndex, `${path}.client`, 'client');
    pairUnit[i] = reference(unit, unitIndex, `${path}.unit`, 'unit');
    if (score === undefined) throw new InstanceError(`${path}.score`, 'is required');
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
      throw new InstanceError(`${path}.score`, 'must be a number in [0, 1]');
    }
    if (group !== undefined) {
      if (typeof group !== 'string' || group === '') throw new InstanceError(`${path}.group`, ID);
      if (groups === undefined || !Object.hasOwn(groups, group)) {
        throw new InstanceError(`${path}.group`, `unknown group "${group}"`);
      }
    }
  }
  const duplicate = firstDuplicatePair(pairClient, pairUnit, unitIndex.size, clientIndex.size);
  if (duplicate !== undefined) {
    const [later, earlier] = duplicate;
    const pair = raw[later] as { client: string; unit: string };
    throw new InstanceError(
      `pairs[${later}]`,
      `duplicate pair of client "${pair.client}" and unit "${pair.unit}" (also pairs[${earlier}])`,
    );
  }
  return raw as AssignmentInstance['pairs'];
}

function reference(
  value: unknown,
  index: ReadonlyMap<string, number>,
  path: string,
  noun: string,
): number {
  if (value === undefined) throw new InstanceError(path, 'is required');
  if (typeof value !== 'string' || value === '') throw new InstanceError(path, ID);
  const at = index.get(value);
  if (at === undefined) throw new InstanceError(path, `unknown ${noun} "${value}"`);
  return at;
}

/**
 * The duplicate pair with the lowest index, as [that index, the earlier pair's index]; found by
 * bucketing pairs per unit and stamping clients, so no set of millions of keys is needed.
 */
function firstDuplicatePair(
  pairClient: Int32Array,
  pairUnit: Int32Array,
  unitCount: number,
  clientCount: number,
): [number, number] | undefined {
  const start = new Int32Array(unitCount + 1);
  for (const u of pairUnit) start[u + 1] = (start[u + 1] ?? 0) + 1;
  for (let u = 0; u < unitCount; u++) start[u + 1] = (start[u + 1] ?? 0) + (start[u] ?? 0);
  const byUnit = new Int32Array(pairUnit.length);
  const fill = start.slice(0, unitCount);
  pairUnit.forEach((u, i) => {
    const at = fill[u] ?? 0;
    byUnit[at] = i;
    fill[u] = at + 1;
  });
  // Within a unit, pairs come in input order, so the first occurrence is seen first.
  const seenAt = new Int32Array(clientCount).fill(-1);
  const seenUnit = new Int32Array(clientCount).fill(-1);
  let found: [number, number] | undefined;
  for (let u = 0; u < unitCount; u++) {
    const end = start[u + 1] ?? 0;
    for (let k = start[u] ?? 0; k < end; k++) {
      const i = byUnit[k] ?? 0;
      const c = pairClient[i] ?? 0;
      if (seenUnit[c] === u) {
        if (found === undefined || i < found[0]) found = [i, seenAt[c] ?? 0];
      } else {
        seenUnit[c] = u;
        seenAt[c] = i;
      }
    }
  }
  return found;
}
