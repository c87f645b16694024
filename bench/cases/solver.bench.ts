/**
 * The assignment solver on docs/solver-contract.md's two synthetic instances (`region`, `national`), built by
 * the seeded generator. Per instance: the optimal solve (median of several, and the first, cold
 * one on its own), the conversion to the compact form it runs on, the greedy baseline, peak
 * memory; and a check of the optimality certificate of the solution reported (untimed).
 * `npm run bench -- solver`.
 */
import {
  generateAssignmentInstance,
  MICRO_POINTS,
  NATIONAL_SHAPE,
  parseInstance,
  REGION_SHAPE,
  solveCompactGreedy,
  solveCompactOptimal,
  toAssignmentSolution,
  toCompactInstance,
  type AssignmentInstanceShape,
  type CompactAssignmentSolution,
  type IndexedAssignmentInstance,
} from '../../src/modules/matching/engine/assignment';

const CASES: { instance: string; shape: AssignmentInstanceShape; runs: number }[] = [
  { instance: 'region', shape: REGION_SHAPE, runs: 7 },
  { instance: 'national', shape: NATIONAL_SHAPE, runs: 3 },
];

export default function run(): Promise<Record<string, unknown>[]> {
  return Promise.resolve(CASES.map(({ instance, shape, runs }) => measure(instance, shape, runs)));
}

function measure(
  name: string,
  shape: AssignmentInstanceShape,
  runs: number,
): Record<string, unknown> {
  const { indexed, generateMs, parseMs, convertMs } = prepare(shape);
  const { compact } = indexed;

  const optimal = repeat(runs, () => solveCompactOptimal(compact));
  const greedy = repeat(runs, () => solveCompactGreedy(compact));
  const output = timed(() => toAssignmentSolution(indexed, optimal.value, 0));
  // Untimed: one more solve that checks the optimality certificate (throws if it fails).
  const certified = solveCompactOptimal(compact, { certificate: 'final' });
  if (!sameSolution(certified, optimal.value)) throw new Error('certified solve differs');

  const objective = optimal.value.objectiveMicro / MICRO_POINTS;
  const greedyObjective = greedy.value.objectiveMicro / MICRO_POINTS;
  return {
    bench: 'solver',
    instance: name,
    seed: shape.seed,
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
    certified: true,
    node: process.version,
  };
}

/**
 * Generates, checks and converts the instance. Only the compact form (and the ids) outlive this
 * function, so the timed solves do not share the heap with millions of pair objects.
 */
function prepare(shape: AssignmentInstanceShape): {
  indexed: IndexedAssignmentInstance;
  generateMs: number;
  parseMs: number;
  convertMs: number;
} {
  const generated = timed(() => generateAssignmentInstance(shape));
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
    a.clientUnit.every((unit, client) => b.clientUnit[client] === unit)
  );
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
