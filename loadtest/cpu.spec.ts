import { type CpuSample, perRequest, phaseUsage } from './cpu';

const sample = (
  apiMs: number,
  workerMs: number,
  backends: [number, number][],
  generatorMs: number,
  machine: { busy: number; total: number },
): CpuSample => ({ apiMs, workerMs, databaseMs: new Map(backends), generatorMs, machine });

describe('CPU over a phase', () => {
  const before = sample(
    1_000,
    500,
    [
      [11, 200],
      [12, 300],
    ],
    700,
    { busy: 5_000, total: 20_000 },
  );
  // Backend 12 closed in between, 13 opened: 11 spent 400 ms, 13 all of its 100.
  // The generator spent 3 s; the machine's two cores were busy 1,500 of 2,000 ticks.
  const after = sample(
    9_000,
    1_500,
    [
      [11, 600],
      [13, 100],
    ],
    3_700,
    { busy: 6_500, total: 22_000 },
  );

  it('gives each part as a share of one core over the phase and the cost per request', () => {
    expect(phaseUsage(before, after, 10, 4_000)).toEqual({
      apiPercent: 80,
      workerPercent: 10,
      databasePercent: 5,
      generatorPercent: 30,
      machineBusyPercent: 75,
      apiMsPerRequest: 2,
      databaseMsPerRequest: 0.13,
    });
  });

  it('counts per request what the saturation phase prints', () => {
    expect(perRequest(before, after, 4_000)).toEqual({ apiMs: 2, databaseMs: 0.13 });
  });
});
