/** Runs autocannon per endpoint class and turns each request's latency into the figures we report. */
import autocannon from 'autocannon';

/** One kind of request (e.g. "clients-list"), sent at `rate` requests/s, or as fast as it goes. */
export interface EndpointClass {
  name: string;
  kind: 'read' | 'write';
  /** Requests per second over all targets; undefined = saturation (as fast as answers come). */
  rate?: number;
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
}

/** One autocannon instance per class and target; every response's latency is kept. */
function runClass(
  endpoint: EndpointClass,
  targets: readonly string[],
  seconds: number,
): Promise<ClassResult> {
  const result: ClassResult = {
    name: endpoint.name,
    kind: endpoint.kind,
    latencies: [],
    errors: 0,
    non2xx: 0,
    refusals: [],
  };
  const perTarget = targets.map(
    (url) =>
      new Promise<void>((resolve, reject) => {
        const sent = new WeakMap<object, Request>();
        const instance = autocannon(
          {
            url,
            duration: seconds,
            connections: Math.max(1, Math.round(endpoint.connections / targets.length)),
            ...(endpoint.rate === undefined
              ? {}
              : { overallRate: Math.max(1, Math.round(endpoint.rate / targets.length)) }),
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
                    headers: {
                      authorization: `Bearer ${next.token}`,
                      ...(next.body === undefined ? {} : { 'content-type': 'application/json' }),
                      ...(next.ifMatch === undefined ? {} : { 'if-match': next.ifMatch }),
                    },
                    ...(next.body === undefined ? {} : { body: JSON.stringify(next.body) }),
                  };
                },
                onResponse: (status, body, context) => {
                  const request = sent.get(context);
                  if (status >= 300 && result.refusals.length < 3) {
                    result.refusals.push(
                      `${status} ${request?.path ?? '?'}: ${body.slice(0, 200)}`,
                    );
                  }
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
  const results = await Promise.all(classes.map((c) => runClass(c, targets, seconds)));
  const byClass = results.map((r) => figures(r.name, r.latencies, seconds, r.errors, r.non2xx));
  const byKind = (['read', 'write'] as const)
    .map((kind) => results.filter((r) => r.kind === kind))
    .filter((group) => group.length > 0)
    .map((group) =>
      figures(
        `${group[0]?.kind ?? ''}s`,
        group.flatMap((r) => r.latencies),
        seconds,
        group.reduce((total, r) => total + r.errors, 0),
        group.reduce((total, r) => total + r.non2xx, 0),
      ),
    );
  return { phase, seconds, byKind, byClass, refusals: results.flatMap((r) => r.refusals) };
}
