import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';

describe('toolchain', () => {
  it('runs TypeScript ESM tests with zod', () => {
    expect(z.string().min(1).safeParse('').success).toBe(false);
  });
});
