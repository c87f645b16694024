/**
 * The API processes' database pools during a phase, read from their `/metrics` (the gauges
 * `matchpunt_db_pool_connections` and `matchpunt_db_pool_waiting_requests`): how often no
 * connection was idle, and how many statements waited for one. Under load the pool, not the API's
 * thread, is where requests queue first (docs/performance.md, "Where the mix waits: the pool").
 */

/** One reading of one API's pool. */
export interface PoolReading {
  idle: number;
  inUse: number;
  waiting: number;
}

/** The pool's gauges in a `/metrics` text; undefined when the text has none (an older API). */
export function readPool(text: string): PoolReading | undefined {
  const value = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.slice(name.length + 1));
  };
  const idle = value('matchpunt_db_pool_connections{state="idle"}');
  const inUse = value('matchpunt_db_pool_connections{state="in_use"}');
  const waiting = value('matchpunt_db_pool_waiting_requests');
  if (idle === undefined || inUse === undefined || waiting === undefined) return undefined;
  return { idle, inUse, waiting };
}

/** What a phase's readings say, over all API processes; undefined without readings. */
export function summarisePool(readings: readonly PoolReading[]) {
  if (readings.length === 0) return undefined;
  const empty = readings.filter((r) => r.idle === 0).length;
  const waiting = readings.map((r) => r.waiting).sort((a, b) => a - b);
  return {
    readings: readings.length,
    noneIdlePercent: Math.round((100 * empty) / readings.length),
    waitingMedian: waiting[Math.floor((waiting.length - 1) / 2)] ?? 0,
    waitingMax: waiting.at(-1) ?? 0,
  };
}

const EVERY_MS = 1_000;

/**
 * Reads each API's pool once a second, one scrape at a time per API (a scrape reads the database
 * too, and must not pile up behind a full pool), until `stop` is called; `stop` gives what was
 * read. An API whose `/metrics` cannot be read is left out.
 */
export function watchPools(urls: readonly string[]): { stop: () => Promise<PoolReading[]> } {
  const readings: PoolReading[] = [];
  const stopped = new AbortController();
  // A call, not a property: checked again after each await.
  const watching = () => !stopped.signal.aborted;
  const loops = urls.map(async (url) => {
    while (watching()) {
      const started = Date.now();
      try {
        const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
        const reading = response.ok ? readPool(await response.text()) : undefined;
        if (reading && watching()) readings.push(reading);
      } catch {
        // Not reachable or too slow: no reading this time.
      }
      const rest = EVERY_MS - (Date.now() - started);
      if (rest > 0 && watching()) {
        await new Promise((resolve) => setTimeout(resolve, rest));
      }
    }
  });
  return {
    stop: async () => {
      stopped.abort();
      await Promise.all(loops);
      return readings;
    },
  };
}
