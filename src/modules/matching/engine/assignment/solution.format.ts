import type { AssignmentSolution } from './assignment.types';

/**
 * The solution as JSON text (docs/solver.md): one assignment per line, keys in a fixed order, numbers as
 * JavaScript prints them (shortest round-trip form), so equal solutions give equal bytes.
 */
export function formatSolution(solution: AssignmentSolution): string {
  const lines = solution.assignment.map(
    ({ client, unit }) =>
      `    { "client": ${JSON.stringify(client)}, "unit": ${JSON.stringify(unit)} }`,
  );
  const { clients, units, pairs, millis } = solution.stats;
  // Only solutions of instances with tiers or groups carry these (docs/solver.md).
  const tiers: string[] = [];
  if (solution.urgent !== undefined) tiers.push(`  "urgent": ${solution.urgent},`);
  if (solution.waitDays !== undefined) tiers.push(`  "waitDays": ${solution.waitDays},`);
  const optimality = solution.optimality;
  if (optimality) {
    const { assigned, urgent, waitDays, objective } = optimality.bound;
    const gap = optimality.gap;
    tiers.push(
      `  "optimality": { "exact": ${optimality.exact}, ` +
        `"bound": { "assigned": ${assigned}, "urgent": ${urgent}, "waitDays": ${waitDays}, ` +
        `"objective": ${objective} }, ` +
        `"gap": ${gap === null ? 'null' : `{ "tier": "${gap.tier}", "amount": ${gap.amount} }`} },`,
    );
  }
  return [
    '{',
    lines.length === 0 ? '  "assignment": [],' : `  "assignment": [\n${lines.join(',\n')}\n  ],`,
    `  "assigned": ${solution.assigned},`,
    `  "objective": ${solution.objective},`,
    ...tiers,
    `  "stats": { "clients": ${clients}, "units": ${units}, "pairs": ${pairs}, "millis": ${millis} }`,
    '}',
    '',
  ].join('\n');
}
