import type { z } from 'zod';

/** A value kept as JSON in a multiple-lines text column (poll candidates, votes, approvals, goals). */
export interface JsonColumn<T> {
  /** The column's value, or (a copy of) the fallback when it is empty, not JSON or not of the schema's shape. */
  read(value: unknown): T;
  write(value: T): string;
}

/** The one way the app reads and writes JSON in a text column: parsed with a zod schema, never trusted. */
export function jsonColumn<S extends z.ZodType>(schema: S, fallback: z.output<S>): JsonColumn<z.output<S>> {
  return {
    read(value) {
      if (typeof value !== 'string' || value === '') return structuredClone(fallback);
      let raw: unknown;
      try {
        raw = JSON.parse(value);
      } catch {
        return structuredClone(fallback);
      }
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : structuredClone(fallback);
    },
    write(value) {
      return JSON.stringify(value);
    },
  };
}
