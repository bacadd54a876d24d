import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const faultSchema = z
  .object({
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    /** Seconds, may be fractional as Graph's are. */
    retryAfter: z.number().min(0).max(300).optional(),
    /** Regular expression tested against the request path (without query), e.g. "^/v1.0/sites/". */
    path: z.string().min(1).default('^/v1\\.0/'),
    method: z.string().toUpperCase().optional(),
    /** Answer this many matching requests with the fault, then stop. */
    count: z.number().int().positive().optional(),
    /** Or answer each matching request with this probability (0–1). */
    probability: z.number().min(0).max(1).optional(),
    delayMs: z.number().int().min(0).max(60_000).optional(),
  })
  .strict()
  .refine((f) => !(f.count !== undefined && f.probability !== undefined), {
    message: 'count and probability exclude each other',
  });

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema> & { id: string; remaining?: number; hits: number };

export class FaultRegistry {
  private faults: Fault[] = [];
  private latencyMs = 0;
  private random: () => number = Math.random;

  add(input: unknown): Fault {
    const parsed = faultSchema.parse(input);
    new RegExp(parsed.path);
    const fault: Fault = { ...parsed, id: randomUUID(), remaining: parsed.count, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
    this.latencyMs = 0;
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  latency(): number {
    return this.latencyMs;
  }

  /** Deterministic probabilities for tests that need them. */
  setRandom(random: () => number): void {
    this.random = random;
  }

  /** The fault to answer this request with, if any; consumes one of a counted fault. */
  match(method: string, path: string): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.method && fault.method !== method.toUpperCase()) continue;
      if (!new RegExp(fault.path).test(path)) continue;
      if (fault.remaining !== undefined) {
        if (fault.remaining <= 0) continue;
        fault.remaining -= 1;
      } else if (fault.probability !== undefined && this.random() >= fault.probability) {
        continue;
      }
      fault.hits += 1;
      return fault;
    }
    return undefined;
  }
}
