// HTTP load with autocannon: each request picks the next (session, page) target, so access checks,
// session lookups and audit writes are spread over many users and children. Latencies are recorded
// per response for exact p50/p95/p99; errors are connection errors and timeouts; non-2xx counted.
import autocannon from 'autocannon';
import { summarise, type RunFigures } from './stats.ts';

export interface LoadTarget {
  readonly path: string;
  readonly cookie: string;
}

export async function load(port: number, targets: readonly LoadTarget[], connections: number, durationSeconds: number): Promise<RunFigures> {
  let next = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const statuses = new Map<number, number>();
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: `http://127.0.0.1:${String(port)}`,
    connections,
    duration: durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const target = targets[next++ % targets.length];
          if (target === undefined) return request;
          return { ...request, path: target.path, headers: { ...request.headers, cookie: target.cookie } };
        },
      },
    ],
  }, (error, result) => {
    if (error !== null && error !== undefined) fail(error);
    else finish(result);
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) {
      non2xx += 1;
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    }
  });
  const result = await done;
  return {
    rps: latencies.length / durationSeconds,
    ...summarise(latencies),
    errors: result.errors + result.timeouts,
    non2xx,
    requests: latencies.length,
    ...(statuses.size === 0 ? {} : { firstError: `HTTP ${[...statuses].map(([code, n]) => `${String(code)} ×${String(n)}`).join(', ')}` }),
  };
}
