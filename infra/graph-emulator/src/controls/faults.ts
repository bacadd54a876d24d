import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const faultSchema = z
  .object({
    /**
     * `before` (default): answer instead of the handler, nothing is written. `after`: the handler runs (the
     * write happens) and then its answer is lost: dropped (`drop`, the socket is destroyed), replaced by a
     * 503 or 504 (`status`), or held back `delayMs` (past the client's timeout).
     */
    when: z.enum(['before', 'after']).default('before'),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
    /** `after` only: destroy the connection instead of answering. */
    drop: z.boolean().optional(),
    /** Seconds, may be fractional as Graph's are. */
    retryAfter: z.number().min(0).max(300).optional(),
    /** Regular expression tested against the request path (without query), e.g. "^/v1.0/sites/". */
    path: z.string().min(1).default('^/v1\\.0/'),
    method: z.string().toUpperCase().optional(),
    /** Answer this many matching requests with the fault, then stop. */
    count: z.number().int().positive().optional(),
    /** Or answer each matching request with this probability (0–1). */
    probability: z.number().min(0).max(1).optional(),
    /** `before`: delay, then answer the fault; `after`: delay the handler's answer (or the fault's). */
    delayMs: z.number().int().min(0).max(60_000).optional(),
  })
  .strict()
  .refine((f) => !(f.count !== undefined && f.probability !== undefined), {
    message: 'count and probability exclude each other',
  })
  .refine((f) => f.when === 'after' || (f.status !== undefined && f.drop === undefined), {
    message: 'a fault before the handler needs a status (429, 500, 502, 503 or 504) and cannot drop',
  })
  .refine(
    (f) =>
      f.when === 'before' ||
      ((f.status === undefined || f.status === 503 || f.status === 504) &&
        !(f.drop === true && f.status !== undefined) &&
        (f.status !== undefined || f.drop === true || (f.delayMs ?? 0) > 0)),
    { message: 'a fault after the handler is one of: status 503 or 504, drop: true, or delayMs > 0' },
  );

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema> & { id: string; remaining?: number; hits: number };
export type BeforeFault = Fault & { when: 'before'; status: NonNullable<Fault['status']> };
export type AfterFault = Fault & { when: 'after' };

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

  /** The fault to answer this request with instead of the handler, if any; consumes one of a counted fault. */
  match(method: string, path: string): BeforeFault | undefined {
    return this.matchWhen('before', method, path) as BeforeFault | undefined;
  }

  /** The fault to apply to the handler's answer, if any; consumes one of a counted fault. */
  matchAfter(method: string, path: string): AfterFault | undefined {
    return this.matchWhen('after', method, path) as AfterFault | undefined;
  }

  private matchWhen(when: Fault['when'], method: string, path: string): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.when !== when) continue;
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
