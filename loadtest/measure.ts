/**
 * Sends each endpoint class (paced at its rate, or autocannon at saturation) and turns each
 * request's latency into the figures we report.
 */
import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';
import { Pool } from 'undici';

/** One kind of request (e.g. "clients-list"), sent at `rate` requests/s, or as fast as it goes. */
export interface EndpointClass {
  name: string;
  kind: 'read' | 'write';
  /** Requests per second over all targets; undefined = saturation (as fast as answers come). */
  rate?: number;
  /** At saturation: requests in flight. At a rate: the most connections the class may open. */
  connections: number;
  /** Builds each request (autocannon stops if the first one is missing, so there always is one). */
  next: () => Request;
  /** Sees each answer (to learn a new version, or give a record back to the pool). */
  answered?: (request: Request, status: number, body: string) => void;
}

export interface Request {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  token: string;
  body?: unknown;
  ifMatch?: string;
}

export interface Figures {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function figures(
  name: string,
  latencies: number[],
  seconds: number,
  errors: number,
  non2xx: number,
): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    name,
    requests: sorted.length,
    rps: Math.round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    errors,
    non2xx,
  };
}

interface ClassResult {
  name: string;
  kind: EndpointClass['kind'];
  latencies: number[];
  errors: number;
  non2xx: number;
  /** The first few refused answers, so a non-2xx can be told from a slow 2xx. */
  refusals: string[];
  /** From the first request sent to the last answer: a rate the service could not keep runs over. */
  seconds: number;
}

function emptyResult(endpoint: EndpointClass, seconds: number): ClassResult {
  return {
    name: endpoint.name,
    kind: endpoint.kind,
    latencies: [],
    errors: 0,
    non2xx: 0,
    refusals: [],
    seconds,
  };
}

/** The request's token, `If-Match` and JSON body as HTTP headers and body. */
function headersAndBody(request: Request): { headers: Record<string, string>; body?: string } {
  return {
    headers: {
      authorization: `Bearer ${request.token}`,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(request.ifMatch === undefined ? {} : { 'if-match': request.ifMatch }),
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  };
}

function noteRefusal(
  result: ClassResult,
  request: Request | undefined,
  status: number,
  body: string,
) {
  if (status >= 300 && result.refusals.length < 3) {
    result.refusals.push(`${status} ${request?.path ?? '?'}: ${body.slice(0, 200)}`);
  }
}

/**
 * A class with a rate, sent open-loop: request i leaves at start + i / rate, whatever has come
 * back by then, spread round-robin over the targets, and its latency runs from that planned moment
 * to the end of its answer. So 500 requests/s arrive evenly, as 500 users' clicks would, and a slow
 * answer counts for every request that had to wait behind it (no coordinated omission).
 * (autocannon's rate is a quota per connection per second, sent back to back when each second
 * starts: every second begins with a burst as large as the connections allow, and the figures
 * measure that burst's queue, not the rate.)
 */
async function runPaced(
  endpoint: EndpointClass & { rate: number },
  targets: readonly string[],
  seconds: number,
): Promise<ClassResult> {
  const result = emptyResult(endpoint, seconds);
  const pools = targets.map(
    (url) =>
      new Pool(url, {
        connections: Math.max(1, Math.ceil(endpoint.connections / targets.length)),
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      }),
  );
  const send = async (i: number, plannedAt: number) => {
    const request = endpoint.next();
    const pool = pools[i % pools.length];
    try {
      if (!pool) throw new Error('no target');
      const response = await pool.request({
        method: request.method,
        path: request.path,
        ...headersAndBody(request),
      });
      const body = await response.body.text();
      result.latencies.push(performance.now() - plannedAt);
      if (response.statusCode < 200 || response.statusCode >= 300) result.non2xx++;
      noteRefusal(result, request, response.statusCode, body);
      endpoint.answered?.(request, response.statusCode, body);
    } catch {
      // No answer (refused, reset, timed out): an error, as autocannon counts one.
      result.errors++;
    }
  };
  const total = Math.round(endpoint.rate * seconds);
  const interval = 1000 / endpoint.rate;
  const sending: Promise<void>[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sending.length < due) {
        sending.push(send(sending.length, start + sending.length * interval));
      }
      if (sending.length >= total) {
        resolve();
        return;
      }
      // Wake for the next planned request; timers are late rather than early, and a late tick
      // sends what fell due meanwhile with its own planned time.
      setTimeout(tick, Math.max(0, start + sending.length * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(sending);
  // What was sent over `seconds` took this long to answer: the rate the service kept.
  result.seconds = Math.max(seconds, (performance.now() - start) / 1000);
  await Promise.all(pools.map((pool) => pool.close()));
  return result;
}

/** At saturation: one autocannon instance per target, each response's latency kept. */
function runSaturated(
  endpoint: EndpointClass,
  targets: readonly string[],
  seconds: number,
): Promise<ClassResult> {
  const result = emptyResult(endpoint, seconds);
  const perTarget = targets.map(
    (url) =>
      new Promise<void>((resolve, reject) => {
        const sent = new WeakMap<object, Request>();
        const instance = autocannon(
          {
            url,
            duration: seconds,
            connections: Math.max(1, Math.round(endpoint.connections / targets.length)),
            timeout: 10,
            requests: [
              {
                setupRequest: (request, context) => {
                  const next = endpoint.next();
                  sent.set(context, next);
                  return {
                    ...request,
                    method: next.method,
                    path: next.path,
                    ...headersAndBody(next),
                  };
                },
                onResponse: (status, body, context) => {
                  const request = sent.get(context);
                  noteRefusal(result, request, status, body);
                  if (request) endpoint.answered?.(request, status, body);
                },
              },
            ],
          },
          (error, done) => {
            if (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
              return;
            }
            result.errors += done.errors;
            result.non2xx += done.non2xx;
            resolve();
          },
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => {
          result.latencies.push(responseTime);
        });
      }),
  );
  return Promise.all(perTarget).then(() => result);
}

export interface PhaseResult {
  phase: string;
  seconds: number;
  byKind: Figures[];
  byClass: Figures[];
  refusals: string[];
}

/** All classes at once for `seconds`; figures per class and per kind (reads, writes). */
export async function runPhase(
  phase: string,
  classes: readonly EndpointClass[],
  targets: readonly string[],
  seconds: number,
): Promise<PhaseResult> {
  const results = await Promise.all(
    classes.map(({ rate, ...c }) =>
      rate === undefined
        ? runSaturated(c, targets, seconds)
        : runPaced({ ...c, rate }, targets, seconds),
    ),
  );
  const byClass = results.map((r) => figures(r.name, r.latencies, r.seconds, r.errors, r.non2xx));
  const byKind = (['read', 'write'] as const)
    .map((kind) => results.filter((r) => r.kind === kind))
    .filter((group) => group.length > 0)
    .map((group) =>
      figures(
        `${group[0]?.kind ?? ''}s`,
        group.flatMap((r) => r.latencies),
        Math.max(...group.map((r) => r.seconds)),
        group.reduce((total, r) => total + r.errors, 0),
        group.reduce((total, r) => total + r.non2xx, 0),
      ),
    );
  return { phase, seconds, byKind, byClass, refusals: results.flatMap((r) => r.refusals) };
}
