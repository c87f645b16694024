/**
 * Pair generation and scoring (the scoring half of the matching engine) on seeded synthetic
 * populations with the default region policy: `region` (Noord- en Midden-Limburg, 3,000 clients
 * × 1,000 units, median of 9 runs) and `national` (50,000 clients × 20,000 units, median of 5
 * runs; target ≤ 5 s). One unmeasured run first, so JIT warm-up is not counted.
 */
import { performance } from 'node:perf_hooks';

import {
  generatePairs,
  generatePopulation,
  type PopulationGeography,
} from '../../src/modules/matching/engine/scoring';

interface Instance {
  name: 'region' | 'national';
  geography: PopulationGeography;
  seed: number;
  clients: number;
  units: number;
  runs: number;
}

const INSTANCES: readonly Instance[] = [
  {
    name: 'region',
    geography: 'noord-midden-limburg',
    seed: 1,
    clients: 3_000,
    units: 1_000,
    runs: 9,
  },
  { name: 'national', geography: 'national', seed: 2, clients: 50_000, units: 20_000, runs: 5 },
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

export default function run(): Promise<Record<string, unknown>[]> {
  const results: Record<string, unknown>[] = [];
  for (const instance of INSTANCES) {
    const { clients, units, context } = generatePopulation({
      seed: instance.seed,
      clients: instance.clients,
      units: instance.units,
      geography: instance.geography,
    });
    let last = generatePairs(clients, units, context);
    const millis: number[] = [];
    for (let i = 0; i < instance.runs; i++) {
      const started = performance.now();
      last = generatePairs(clients, units, context);
      millis.push(performance.now() - started);
    }
    const { stats } = last;
    results.push({
      bench: 'pairs',
      instance: instance.name,
      clients: stats.clients,
      units: stats.units,
      candidatesVisited: stats.candidatesVisited,
      pairs: stats.allowedPairs,
      pairsPerClient: round(stats.allowedPairs / stats.clients),
      ms: round(median(millis)),
      runsMs: millis.map((value) => round(value)),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024),
      matchableClients: stats.matchableClients,
      matchableUnits: stats.matchableUnits,
      candidatesExcluded: stats.candidatesExcluded,
    });
  }
  return Promise.resolve(results);
}
