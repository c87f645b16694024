/**
 * The assignment solver on the two synthetic instances (`region`, `national`) of docs/solver.md,
 * built by the seeded generator, as they are and with priority tiers and capacity groups added
 * (`…+tiers+groups`, `withPriorities`). Per instance: the optimal solve (median of several, and
 * the first, cold one on its own), the conversion to the compact form it runs on, the greedy
 * baseline, peak memory; a check of the flow's optimality certificate (untimed); and, with
 * groups, whether the solution was proven optimal and the bound it was measured against.
 * `npm run bench -- solver`.
 */
import {
  generateAssignmentInstance,
  MICRO_POINTS,
  NATIONAL_SHAPE,
  parseInstance,
  PRIORITY_SHAPE,
  REGION_SHAPE,
  withPriorities,
  solveCompactGreedy,
  solveCompactOptimal,
  toAssignmentSolution,
  toCompactInstance,
  type AssignmentInstanceShape,
  type CompactAssignmentSolution,
  type IndexedAssignmentInstance,
  type PriorityShape,
} from '../../src/modules/matching/engine/assignment';

interface Case {
  instance: string;
  shape: AssignmentInstanceShape;
  priorities?: PriorityShape;
  /** `unit-by-unit`: the flow method before priority classes, for the old figures beside. */
  flow?: 'unit-by-unit';
  runs: number;
}

const CASES: Case[] = [
  { instance: 'region', shape: REGION_SHAPE, runs: 7 },
  { instance: 'national', shape: NATIONAL_SHAPE, runs: 3 },
  { instance: 'region+tiers+groups', shape: REGION_SHAPE, priorities: PRIORITY_SHAPE, runs: 7 },
  { instance: 'national+tiers+groups', shape: NATIONAL_SHAPE, priorities: PRIORITY_SHAPE, runs: 3 },
  {
    instance: 'region+tiers+groups, unit-by-unit',
    shape: REGION_SHAPE,
    priorities: PRIORITY_SHAPE,
    flow: 'unit-by-unit',
    runs: 3,
  },
  {
    instance: 'national+tiers+groups, unit-by-unit',
    shape: NATIONAL_SHAPE,
    priorities: PRIORITY_SHAPE,
    flow: 'unit-by-unit',
    runs: 1,
  },
];

export default function run(): Promise<Record<string, unknown>[]> {
  return Promise.resolve(CASES.map((c) => measure(c)));
}

function measure({ instance: name, shape, priorities, flow, runs }: Case): Record<string, unknown> {
  const { indexed, generateMs, parseMs, convertMs } = prepare(shape, priorities);
  const { compact } = indexed;

  // The old method: every flow unit by unit, and the three rounds it had (unpriced, two locks).
  const options = flow === undefined ? {} : { flow, maxRounds: 3 };
  const optimal = repeat(runs, () => solveCompactOptimal(compact, options));
  const greedy = repeat(runs, () => solveCompactGreedy(compact));
  const output = timed(() => toAssignmentSolution(indexed, optimal.value, 0));
  // Untimed: one more solve that checks the optimality certificate (throws if it fails); not
  // for the old method's figures, which only stand beside the new ones.
  if (flow === undefined) {
    const certified = solveCompactOptimal(compact, { certificate: 'final' });
    if (!sameSolution(certified, optimal.value)) throw new Error('certified solve differs');
  }

  const objective = optimal.value.objectiveMicro / MICRO_POINTS;
  const greedyObjective = greedy.value.objectiveMicro / MICRO_POINTS;
  const optimality = optimal.value.optimality;
  const tiers =
    priorities === undefined
      ? {}
      : {
          prioritySeed: priorities.seed,
          groups: compact.groupCapacity?.length ?? 0,
          urgent: optimal.value.urgent,
          waitDays: optimal.value.waitDays,
          greedyUrgent: greedy.value.urgent,
          greedyWaitDays: greedy.value.waitDays,
          exact: optimality?.exact,
          rounds: optimality?.iterations,
          bound: optimality && {
            ...optimality.bound,
            objective: optimality.bound.objectiveMicro / MICRO_POINTS,
            objectiveMicro: undefined,
          },
        };
  return {
    bench: 'solver',
    instance: name,
    seed: shape.seed,
    ...tiers,
    clients: compact.clientCount,
    units: compact.unitCount,
    pairs: compact.pairClient.length,
    neighbourhoods: compact.neighbourhoodCount,
    municipalities: compact.municipalityCount,
    solveMs: round(optimal.medianMs),
    solveMsFirst: round(optimal.firstMs),
    solveRuns: runs,
    generateMs: round(generateMs),
    parseMs: round(parseMs),
    convertMs: round(convertMs),
    toSolutionMs: round(output.ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    assigned: optimal.value.assigned,
    objective,
    greedyAssigned: greedy.value.assigned,
    greedyObjective,
    greedyMs: round(greedy.medianMs),
    gainAssigned: optimal.value.assigned - greedy.value.assigned,
    gainObjective: (optimal.value.objectiveMicro - greedy.value.objectiveMicro) / MICRO_POINTS,
    certified: flow === undefined,
    ...(flow === undefined ? {} : { flow }),
    node: process.version,
  };
}

/**
 * Generates, checks and converts the instance. Only the compact form (and the ids) outlive this
 * function, so the timed solves do not share the heap with millions of pair objects.
 */
function prepare(
  shape: AssignmentInstanceShape,
  priorities: PriorityShape | undefined,
): {
  indexed: IndexedAssignmentInstance;
  generateMs: number;
  parseMs: number;
  convertMs: number;
} {
  const generated = timed(() => {
    const instance = generateAssignmentInstance(shape);
    return priorities === undefined ? instance : withPriorities(instance, priorities);
  });
  const parsed = timed(() => parseInstance(generated.value));
  const converted = timed(() => toCompactInstance(parsed.value));
  return {
    indexed: converted.value,
    generateMs: generated.ms,
    parseMs: parsed.ms,
    convertMs: converted.ms,
  };
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/** Runs a solver `runs` times; every run must give the same solution. */
function repeat(
  runs: number,
  solve: () => CompactAssignmentSolution,
): { value: CompactAssignmentSolution; medianMs: number; firstMs: number } {
  const times: number[] = [];
  let first: CompactAssignmentSolution | undefined;
  for (let i = 0; i < runs; i++) {
    const { value, ms } = timed(solve);
    times.push(ms);
    if (first === undefined) first = value;
    else if (!sameSolution(first, value)) throw new Error('solver is not deterministic');
  }
  if (first === undefined) throw new RangeError('runs must be at least 1');
  const sorted = [...times].sort((a, b) => a - b);
  return {
    value: first,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    firstMs: times[0] ?? 0,
  };
}

function sameSolution(a: CompactAssignmentSolution, b: CompactAssignmentSolution): boolean {
  return (
    a.assigned === b.assigned &&
    a.objectiveMicro === b.objectiveMicro &&
    a.urgent === b.urgent &&
    a.waitDays === b.waitDays &&
    a.clientUnit.every((unit, client) => b.clientUnit[client] === unit)
  );
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
