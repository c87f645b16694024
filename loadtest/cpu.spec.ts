import { type CpuSample, perRequest, phaseUsage } from './cpu';

const sample = (apiMs: number, workerMs: number, backends: [number, number][]): CpuSample => ({
  apiMs,
  workerMs,
  databaseMs: new Map(backends),
});

describe('CPU over a phase', () => {
  const before = sample(1_000, 500, [
    [11, 200],
    [12, 300],
  ]);
  // Backend 12 closed in between, 13 opened: 11 spent 400 ms, 13 all of its 100.
  const after = sample(9_000, 1_500, [
    [11, 600],
    [13, 100],
  ]);

  it('gives each part as a share of one core over the phase and the cost per request', () => {
    expect(phaseUsage(before, after, 10, 4_000)).toEqual({
      apiPercent: 80,
      workerPercent: 10,
      databasePercent: 5,
      apiMsPerRequest: 2,
      databaseMsPerRequest: 0.13,
    });
  });

  it('counts per request what the saturation phase prints', () => {
    expect(perRequest(before, after, 4_000)).toEqual({ apiMs: 2, databaseMs: 0.13 });
  });
});
