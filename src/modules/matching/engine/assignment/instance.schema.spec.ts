import { InstanceError } from './assignment.errors';
import { parseInstance } from './instance.schema';

function valid(): Record<string, unknown> {
  return {
    clients: [{ id: 'c1' }, { id: 'c2' }],
    units: [
      { id: 'u1', neighbourhood: 'BU09830101', municipality: 'GM0983' },
      { id: 'u2', neighbourhood: 'BU09830102', municipality: 'GM0983' },
    ],
    caps: { neighbourhoods: { BU09830101: 1 }, municipalities: { GM0983: 2 } },
    pairs: [
      { client: 'c1', unit: 'u1', score: 0.82 },
      { client: 'c2', unit: 'u1', score: 0.64 },
      { client: 'c2', unit: 'u2', score: 0.31 },
    ],
  };
}

type Path = readonly (string | number)[];

/** `valid()` with the value at `path` set to `value` (or removed, for `undefined`). */
function changed(path: Path, value: unknown): unknown {
  const instance = valid();
  let node: unknown = instance;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const last = path.at(-1) ?? '';
  const parent = node as Record<string | number, unknown>;
  if (value === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return instance;
}

function messageFor(json: unknown): string {
  try {
    parseInstance(json);
  } catch (error) {
    if (error instanceof InstanceError) return error.message;
    throw error;
  }
  throw new Error('parseInstance accepted a malformed instance');
}

describe('parseInstance', () => {
  it('accepts the docs/solver.md example and returns it typed', () => {
    expect(parseInstance(valid())).toEqual(valid());
  });

  it('treats missing caps as no caps and accepts fixed pairs', () => {
    const parsed = parseInstance({
      ...valid(),
      caps: undefined,
      fixed: [{ client: 'c1', unit: 'u2' }],
    });
    expect(parsed.caps).toEqual({});
    expect(parsed.fixed).toEqual([{ client: 'c1', unit: 'u2' }]);
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'instance: must be an object'],
    ['missing clients', changed(['clients'], undefined), 'clients: is required'],
    ['units not an array', changed(['units'], {}), 'units: must be an array'],
    ['unknown top-level field', changed(['extra'], 1), 'extra: unknown field'],
    [
      'client id a number',
      changed(['clients', 1, 'id'], 2),
      'clients[1].id: must be a non-empty string',
    ],
    ['empty unit id', changed(['units', 0, 'id'], ''), 'units[0].id: must be a non-empty string'],
    [
      'missing municipality',
      changed(['units', 1, 'municipality'], undefined),
      'units[1].municipality: is required',
    ],
    [
      'duplicate client',
      changed(['clients', 1, 'id'], 'c1'),
      'clients[1].id: duplicate client "c1" (also clients[0])',
    ],
    [
      'duplicate unit',
      changed(['units', 1, 'id'], 'u1'),
      'units[1].id: duplicate unit "u1" (also units[0])',
    ],
    [
      'neighbourhood in two municipalities',
      changed(['units', 1], { id: 'u2', neighbourhood: 'BU09830101', municipality: 'GM0984' }),
      'units[1].municipality: neighbourhood "BU09830101" lies in municipality "GM0983" (units[0]), not "GM0984"',
    ],
    [
      'fractional cap',
      changed(['caps', 'neighbourhoods', 'BU09830101'], 1.5),
      'caps.neighbourhoods.BU09830101: must be a non-negative integer',
    ],
    [
      'negative cap',
      changed(['caps', 'municipalities', 'GM0983'], -1),
      'caps.municipalities.GM0983: must be a non-negative integer',
    ],
    [
      'cap as a string',
      changed(['caps', 'municipalities', 'GM0983'], '2'),
      'caps.municipalities.GM0983: must be a non-negative integer',
    ],
    ['unknown caps field', changed(['caps', 'wijken'], {}), 'caps.wijken: unknown field'],
    ['pair not an object', changed(['pairs', 1], 'c1-u1'), 'pairs[1]: must be an object'],
    [
      'pair with unknown unit',
      changed(['pairs', 2, 'unit'], 'u9'),
      'pairs[2].unit: unknown unit "u9"',
    ],
    [
      'pair with unknown client',
      changed(['pairs', 0, 'client'], 'c9'),
      'pairs[0].client: unknown client "c9"',
    ],
    [
      'pair without score',
      changed(['pairs', 1, 'score'], undefined),
      'pairs[1].score: is required',
    ],
    [
      'score above 1',
      changed(['pairs', 1, 'score'], 1.01),
      'pairs[1].score: must be a number in [0, 1]',
    ],
    [
      'score below 0',
      changed(['pairs', 0, 'score'], -0.1),
      'pairs[0].score: must be a number in [0, 1]',
    ],
    [
      'score as a string',
      changed(['pairs', 0, 'score'], '0.5'),
      'pairs[0].score: must be a number in [0, 1]',
    ],
    ['unknown pair field', changed(['pairs', 2, 'rank'], 1), 'pairs[2].rank: unknown field'],
    [
      'duplicate pair',
      changed(['pairs', 3], { client: 'c2', unit: 'u1', score: 0.5 }),
      'pairs[3]: duplicate pair of client "c2" and unit "u1" (also pairs[1])',
    ],
    [
      'fixed with unknown unit',
      changed(['fixed'], [{ client: 'c1', unit: 'u7' }]),
      'fixed[0].unit: unknown unit "u7"',
    ],
    [
      'two fixed pairs for one client',
      changed(
        ['fixed'],
        [
          { client: 'c1', unit: 'u1' },
          { client: 'c1', unit: 'u2' },
        ],
      ),
      'fixed[1].client: client "c1" is already in fixed[0]',
    ],
    [
      'two fixed pairs for one unit',
      changed(
        ['fixed'],
        [
          { client: 'c1', unit: 'u1' },
          { client: 'c2', unit: 'u1' },
        ],
      ),
      'fixed[1].unit: unit "u1" is already in fixed[0]',
    ],
  ])('rejects %s', (_case, json, message) => {
    expect(messageFor(json)).toBe(message);
  });

  it('reports a field error for the error middleware too', () => {
    try {
      parseInstance(changed(['pairs', 2, 'unit'], 'u9'));
    } catch (error) {
      expect(error).toBeInstanceOf(InstanceError);
      expect((error as InstanceError).errors).toEqual([
        { path: 'pairs[2].unit', message: 'unknown unit "u9"' },
      ]);
      return;
    }
    throw new Error('not rejected');
  });
});
