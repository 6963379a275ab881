// Small statistics helpers for the benchmark: exact percentiles over recorded samples, medians of runs.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarise(samples: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Figures of one load run: requests per second, latency percentiles (ms) and failures. */
export interface RunFigures {
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly requests: number;
  /** The first error's message, to say what failed. */
  readonly firstError?: string;
  /** CPU the server process spent per request (a figure other load on the machine barely moves). */
  readonly serverCpuMsPerRequest?: number;
}

export function medianFigures(runs: readonly RunFigures[]): RunFigures {
  const m = (pick: (r: RunFigures) => number) => median(runs.map(pick));
  const firstError = runs.find((r) => r.firstError !== undefined)?.firstError;
  const cpu = runs.flatMap((r) => (r.serverCpuMsPerRequest === undefined ? [] : [r.serverCpuMsPerRequest]));
  return {
    rps: m((r) => r.rps), p50: m((r) => r.p50), p95: m((r) => r.p95), p99: m((r) => r.p99), errors: m((r) => r.errors), non2xx: m((r) => r.non2xx), requests: m((r) => r.requests),
    ...(firstError === undefined ? {} : { firstError }),
    ...(cpu.length === 0 ? {} : { serverCpuMsPerRequest: median(cpu) }),
  };
}
