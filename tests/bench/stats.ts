export interface Figure {
  name: string;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  /** Graph round trips per operation, where measured. */
  graphRoundTrips?: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 100) / 100;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export function figure(name: string, durations: number[], graphRoundTrips?: number): Figure {
  return {
    name,
    samples: durations.length,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    ...(graphRoundTrips === undefined ? {} : { graphRoundTrips }),
  };
}
