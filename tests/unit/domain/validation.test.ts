import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { DomainValidationError, isValidIsoDate, parseOrThrow } from '../../../src/domain';
import { validationIssues } from './fixtures';

describe('Swedish fallback messages', () => {
  it.each([
    ['missing value', z.object({ a: z.string() }), {}, 'Värdet saknas.'],
    ['wrong type', z.number(), 'x', 'Fel typ av värde: förväntade ett tal.'],
    ['unknown type name', z.bigint(), 'x', 'Fel typ av värde: förväntade ett heltal.'],
    ['empty text', z.string().min(1), '', 'Fältet får inte vara tomt.'],
    ['short text', z.string().min(3), 'ab', 'Texten måste vara minst 3 tecken.'],
    ['short list', z.array(z.number()).min(2), [1], 'Listan måste innehålla minst 2 värden.'],
    ['small number', z.number().min(5), 1, 'Värdet måste vara minst 5.'],
    ['long text', z.string().max(2), 'abc', 'Texten får vara högst 2 tecken.'],
    ['long list', z.array(z.number()).max(1), [1, 2], 'Listan får innehålla högst 1 värden.'],
    ['big number', z.number().max(5), 6, 'Värdet får vara högst 5.'],
    ['literal', z.literal('ja'), 'nej', 'Ogiltigt värde. Tillåtna värden: ja.'],
    ['unknown keys', z.strictObject({}), { x: 1 }, 'Okända fält: x.'],
    ['format', z.email(), 'nej', 'Ogiltigt format: förväntade en e-postadress.'],
    ['other format', z.string().regex(/^a/), 'b', 'Ogiltigt format.'],
    ['custom', z.custom<string>(() => false), 'x', 'Ogiltigt värde.'],
  ])('%s', (_name, schema, input, message) => {
    expect(validationIssues(() => parseOrThrow(schema, input)).map((i) => i.message)).toEqual([message]);
  });

  it('joins issues into the error message with their paths', () => {
    const error = new DomainValidationError([
      { path: 'name', message: 'Namnet får inte vara tomt.' },
      { path: '', message: 'Listan över organisationer är tom.' },
    ]);
    expect(error.message).toBe('name: Namnet får inte vara tomt. Listan över organisationer är tom.');
    expect(error.name).toBe('DomainValidationError');
  });

  it('validates calendar dates strictly', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-4-1')).toBe(false);
  });
});
