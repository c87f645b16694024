import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import { type EndpointClass, runPhase } from './measure';

/** A local server that notes when each request arrived and answers as `answer` says. */
async function server(answer: (index: number, res: http.ServerResponse) => void) {
  const arrivals: number[] = [];
  const listening = http.createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    answer(arrivals.length - 1, res);
  });
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const { port } = listening.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () => new Promise((resolve) => listening.close(resolve)),
  };
}

const paced = (rate: number, connections: number, path = '/'): EndpointClass => ({
  name: 'paced',
  kind: 'read',
  rate,
  connections,
  next: () => ({ method: 'GET', path, token: 'secret' }),
});

describe('a paced class', () => {
  it("sends its rate spread over the phase, never ahead of each request's moment", async () => {
    const local = await server((_i, res) => res.end('{}'));
    try {
      const before = performance.now();
      const result = await runPhase('even', [paced(200, 4)], [local.url], 1);
      expect(result.byClass[0]?.requests).toBe(200);
      expect(local.arrivals).toHaveLength(200);
      // At 200 requests/s request k is due 5k ms after the start, and none leaves before it is
      // due: of the first k + 1 to arrive one is request k or later, so the k-th arrival comes
      // 5k ms after the start at the earliest. A burst would bring them all in the first few ms.
      // A busy machine only makes requests later, which this allows (they are sent as they fall
      // due, each timed from its own moment), so the check holds on any machine.
      const arrivals = [...local.arrivals].sort((a, b) => a - b);
      const early = arrivals.filter((t, k) => t - before < k * 5 - 0.5);
      expect(early).toEqual([]);
    } finally {
      await local.close();
    }
  });

  it('counts the wait behind a slow answer for every request that had to wait', async () => {
    // One connection; the first answer takes 300 ms and holds up the 14 planned behind it.
    const local = await server((i, res) => {
      if (i === 0) setTimeout(() => res.end('{}'), 300);
      else res.end('{}');
    });
    try {
      const result = await runPhase('queued', [paced(50, 1)], [local.url], 1);
      const figures = result.byClass[0];
      expect(figures?.requests).toBe(50);
      expect(figures?.max).toBeGreaterThanOrEqual(290);
      // Closed-loop timing would show one slow request; here 14 more waited 20 to 280 ms.
      expect(figures?.p90).toBeGreaterThanOrEqual(150);
    } finally {
      await local.close();
    }
  });

  it('reports the rate the service kept, below the one sent when it falls behind', async () => {
    const local = await server((_i, res) => setTimeout(() => res.end('{}'), 40));
    try {
      const result = await runPhase('behind', [paced(100, 1)], [local.url], 0.5);
      const figures = result.byClass[0];
      expect(figures?.requests).toBe(50);
      // 50 answers of 40 ms one after another take 2 s: 25 requests/s at most.
      expect(figures?.rps).toBeLessThanOrEqual(26);
      expect(result.byKind[0]?.rps).toBe(figures?.rps);
    } finally {
      await local.close();
    }
  });

  it('counts refusals and keeps the first few to show', async () => {
    const local = await server((_i, res) => {
      res.statusCode = 404;
      res.end('{"title":"Not Found"}');
    });
    try {
      const result = await runPhase('refused', [paced(20, 2, '/nowhere')], [local.url], 0.5);
      expect(result.byClass[0]?.non2xx).toBe(10);
      expect(result.byClass[0]?.errors).toBe(0);
      expect(result.refusals).toHaveLength(3);
      expect(result.refusals[0]).toBe('404 /nowhere: {"title":"Not Found"}');
    } finally {
      await local.close();
    }
  });
});
