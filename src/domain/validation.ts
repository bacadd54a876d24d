import { z } from 'zod';
import { DomainValidationError, type ValidationIssue } from './errors';

const typeNamesSv: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  nan: 'ett tal',
  int: 'ett heltal',
  bigint: 'ett heltal',
  boolean: 'sant eller falskt',
  array: 'en lista',
  tuple: 'en lista',
  object: 'ett objekt',
  record: 'ett objekt',
  map: 'ett objekt',
  set: 'en lista',
  date: 'ett datum',
  null: 'inget värde',
  undefined: 'inget värde',
  never: 'inget värde',
  literal: 'ett bestämt värde',
  enum: 'ett av de tillåtna värdena',
};

const formatNamesSv: Record<string, string> = {
  email: 'en e-postadress',
  url: 'en webbadress',
  uuid: 'ett id (UUID)',
  guid: 'ett id (GUID)',
  date: 'ett datum (ÅÅÅÅ-MM-DD)',
  datetime: 'en tidpunkt (ÅÅÅÅ-MM-DDTTT:MM)',
  time: 'en tid (TT:MM)',
};

/**
 * Swedish messages for checks that carry no message of their own, so that no English zod text ever reaches
 * a user. Set for the whole process by src/zodLocale.ts (before zod's own Swedish locale, whose messages
 * name types in English) and passed to every parse by parseOrThrow. Field-specific messages are set on the
 * schemas themselves.
 */
export const swedishErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'Värdet saknas.';
      const expected = typeNamesSv[issue.expected] ?? 'ett annat slags värde';
      return `Fel typ av värde: förväntade ${expected}.`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'Fältet får inte vara tomt.'
          : `Texten måste vara minst ${issue.minimum} tecken.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Listan måste innehålla minst ${issue.minimum} värden.`;
      return `Värdet måste vara minst ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Texten får vara högst ${issue.maximum} tecken.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Listan får innehålla högst ${issue.maximum} värden.`;
      return `Värdet får vara högst ${issue.maximum}.`;
    case 'invalid_value':
      return `Ogiltigt värde. Tillåtna värden: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Okända fält: ${issue.keys.join(', ')}.`;
    case 'invalid_format': {
      const expected = formatNamesSv[issue.format];
      return expected ? `Ogiltigt format: förväntade ${expected}.` : 'Ogiltigt format.';
    }
    case 'not_multiple_of':
      return `Värdet måste vara en multipel av ${String(issue.divisor)}.`;
    case 'invalid_key':
      return 'Ogiltig nyckel.';
    case 'invalid_element':
      return 'Listan innehåller ett ogiltigt värde.';
    default:
      return 'Ogiltigt värde.';
  }
};

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Parses with zod and turns failures into a DomainValidationError with Swedish messages. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input, { error: swedishErrorMap });
  if (!result.success) throw new DomainValidationError(toIssues(result.error));
  return result.data;
}

export function throwIssues(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new DomainValidationError(issues);
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export const isoDateSchema = z
  .string({
    error: (issue) => (issue.input === undefined ? 'Datum saknas.' : 'Datum måste anges som text (ÅÅÅÅ-MM-DD).'),
  })
  .refine(isValidIsoDate, { message: 'Ogiltigt datum; ange ÅÅÅÅ-MM-DD.' });

export const idSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Id saknas.' : 'Id måste vara text.') })
  .trim()
  .min(1, 'Id får inte vara tomt.');

export const oreAmountSchema = z
  .number({ error: 'Beloppet måste vara ett heltal i öre.' })
  .int('Beloppet måste vara ett heltal i öre.')
  .refine(Number.isSafeInteger, { message: 'Beloppet är för stort.' });

export const nonNegativeOreSchema = oreAmountSchema.refine((value) => value >= 0, {
  message: 'Beloppet får inte vara negativt.',
});
