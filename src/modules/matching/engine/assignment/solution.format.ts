import type { AssignmentSolution } from './assignment.types';

/**
 * docs/solver-contract.md's solution as JSON text: one assignment per line, keys in a fixed order, numbers as
 * JavaScript prints them (shortest round-trip form), so equal solutions give equal bytes.
 */
export function formatSolution(solution: AssignmentSolution): string {
  const lines = solution.assignment.map(
    ({ client, unit }) =>
      `    { "client": ${JSON.stringify(client)}, "unit": ${JSON.stringify(unit)} }`,
  );
  const { clients, units, pairs, millis } = solution.stats;
  return [
    '{',
    lines.length === 0 ? '  "assignment": [],' : `  "assignment": [\n${lines.join(',\n')}\n  ],`,
    `  "assigned": ${solution.assigned},`,
    `  "objective": ${solution.objective},`,
    `  "stats": { "clients": ${clients}, "units": ${units}, "pairs": ${pairs}, "millis": ${millis} }`,
    '}',
    '',
  ].join('\n');
}
