import { DomainValidationError } from './errors';

/** An amount in öre (1 kr = 100 öre). Always a safe integer: no floating point ever touches money. */
export type Ore = number;

export function isOre(value: unknown): value is Ore {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertOre(value: unknown, path = 'amountOre'): Ore {
  if (!isOre(value)) throw new DomainValidationError([{ path, message: 'Beloppet måste vara ett heltal i öre.' }]);
  return value;
}

const GROUP_SEPARATORS = /[ \u00A0\u202F]/;
const GROUPED_RE = /^\d{1,3}(?:[ \u00A0\u202F]\d{3})+$/;
const PLAIN_RE = /^\d+$/;

function refuse(input: string, message: string): never {
  throw new DomainValidationError([{ path: 'amount', message: `${message} (${JSON.stringify(input)})` }]);
}

/**
 * Parses a kronor amount as a person types it in sv-SE: "12 500,50", "12 500,50 kr", "12500.50",
 * "-200" or "−200" (U+2212, the minus Intl writes). Groups of three may be separated by space,
 * NBSP or narrow NBSP; at most two decimals.
 */
export function parseKronor(input: string): Ore {
  if (typeof input !== 'string') refuse(String(input), 'Beloppet måste anges som text.');
  let text = input
    .trim()
    .replace(/\s*(kr|sek|:-)$/i, '')
    .trim();
  if (text === '') refuse(input, 'Beloppet får inte vara tomt.');
  let negative = false;
  if (/^[-\u2212]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  const separators = text.match(/[.,]/g) ?? [];
  if (separators.length > 1) refuse(input, 'Ogiltigt belopp: endast ett decimaltecken är tillåtet.');
  const [wholePart = '', decimalPart] = text.split(/[.,]/);
  if (!(PLAIN_RE.test(wholePart) || GROUPED_RE.test(wholePart))) {
    refuse(input, 'Ogiltigt belopp; ange t.ex. 12 500,50.');
  }
  if (decimalPart !== undefined && !/^\d{1,2}$/.test(decimalPart)) {
    refuse(
      input,
      decimalPart.length > 2 ? 'Högst två decimaler (ören) är tillåtna.' : 'Ogiltigt belopp; ange t.ex. 12 500,50.',
    );
  }
  const whole = wholePart.split(GROUP_SEPARATORS).join('');
  const ore = BigInt(whole) * 100n + BigInt((decimalPart ?? '').padEnd(2, '0'));
  const signed = negative ? -ore : ore;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
    refuse(input, 'Beloppet är för stort.');
  }
  return Number(signed) === 0 ? 0 : Number(signed);
}

const sekFormat = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' });

/** Decimal string of an öre amount, e.g. 1250050 → "12500.50", built from integers only. */
export function oreToDecimalString(ore: Ore): `${number}` {
  assertOre(ore, 'ore');
  const negative = ore < 0;
  const abs = Math.abs(ore);
  const kronor = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${negative ? '-' : ''}${kronor}.${String(cents).padStart(2, '0')}` as `${number}`;
}

export interface FormatSekOptions {
  /** Replace NBSP/narrow NBSP with plain spaces and U+2212 with "-" (for CSV and plain text). */
  plain?: boolean;
}

/**
 * Formats exactly as Intl sv-SE does: "12 500,00 kr" where both spaces are U+00A0 (no-break space)
 * and negatives start with U+2212. Formatting goes through a decimal string so that large amounts
 * never pass through a float division.
 */
export function formatSek(ore: Ore, opts: FormatSekOptions = {}): string {
  const formatted = sekFormat.format(oreToDecimalString(ore));
  return opts.plain ? formatted.replace(/[\u00A0\u202F]/g, ' ').replace(/\u2212/g, '-') : formatted;
}

/** Sums öre amounts; integer addition, refusing results beyond the safe integer range. */
export function sumOre(amounts: Iterable<Ore>): Ore {
  let total = 0;
  for (const amount of amounts) {
    total += assertOre(amount);
    if (!Number.isSafeInteger(total)) {
      throw new DomainValidationError([{ path: 'amountOre', message: 'Summan är för stor.' }]);
    }
  }
  return total;
}

export function kronorToOre(kronor: number): Ore {
  if (!Number.isSafeInteger(kronor)) {
    throw new DomainValidationError([
      { path: 'kronor', message: 'Ange hela kronor som heltal, eller använd parseKronor.' },
    ]);
  }
  return assertOre(kronor * 100, 'kronor');
}
