import { describe, expect, it } from '@jest/globals';
import { assertOre, formatSek, isOre, kronorToOre, oreToDecimalString, parseKronor, sumOre } from '../../../src/domain';
import { messages } from './fixtures';

const NBSP = '\u00A0';

describe('parseKronor', () => {
  it.each([
    ['12 500,50', 1250050],
    [`12${NBSP}500,50`, 1250050],
    ['12\u202F500,50', 1250050],
    ['12500', 1250000],
    ['12500.50', 1250050],
    ['12500,5', 1250050],
    ['0,10', 10],
    ['1 000 000', 100000000],
    ['  750 kr ', 75000],
    ['-200', -20000],
    ['\u2212200,25', -20025],
    ['0', 0],
    ['-0', 0],
    [`12${NBSP}500,00${NBSP}kr`, 1250000],
  ])('"%s" is %i öre', (input, ore) => {
    expect(parseKronor(input)).toBe(ore);
  });

  it.each([
    ['', 'Beloppet får inte vara tomt. ("")'],
    ['kr', 'Beloppet får inte vara tomt. ("kr")'],
    ['12,345', 'Högst två decimaler (ören) är tillåtna. ("12,345")'],
    ['1.234,50', 'Ogiltigt belopp: endast ett decimaltecken är tillåtet. ("1.234,50")'],
    ['12 50', 'Ogiltigt belopp; ange t.ex. 12 500,50. ("12 50")'],
    ['tolv', 'Ogiltigt belopp; ange t.ex. 12 500,50. ("tolv")'],
    ['12,', 'Ogiltigt belopp; ange t.ex. 12 500,50. ("12,")'],
    ['99999999999999999', 'Beloppet är för stort. ("99999999999999999")'],
  ])('refuses "%s"', (input, message) => {
    expect(messages(() => parseKronor(input))).toEqual([message]);
  });

  it('refuses non-text', () => {
    expect(messages(() => parseKronor(12 as unknown as string))).toEqual(['Beloppet måste anges som text. ("12")']);
  });
});

describe('formatSek', () => {
  it('formats as Intl sv-SE does, with NBSP and U+2212', () => {
    expect(formatSek(1250000)).toBe(`12${NBSP}500,00${NBSP}kr`);
    expect(formatSek(1250000).replace(/\u00A0/g, ' ')).toBe('12 500,00 kr');
    expect(formatSek(-20025)).toBe(`\u2212200,25${NBSP}kr`);
    expect(formatSek(5)).toBe(`0,05${NBSP}kr`);
    expect(formatSek(0)).toBe(`0,00${NBSP}kr`);
    expect(formatSek(1250050)).toBe(
      new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(12500.5),
    );
  });

  it('has a plain variant for text files', () => {
    expect(formatSek(-123456789, { plain: true })).toBe('-1 234 567,89 kr');
  });

  it('formats the largest safe amount exactly', () => {
    expect(formatSek(Number.MAX_SAFE_INTEGER, { plain: true })).toBe('90 071 992 547 409,91 kr');
    expect(oreToDecimalString(-5)).toBe('-0.05');
  });

  it('round-trips with parseKronor', () => {
    for (const ore of [0, 1, 99, 100, 1250050, -987654321]) expect(parseKronor(formatSek(ore))).toBe(ore);
  });

  it('refuses fractions of öre', () => {
    expect(messages(() => formatSek(1.5))).toEqual(['Beloppet måste vara ett heltal i öre.']);
  });
});

describe('sums', () => {
  it('2 000 rows of 0,10 kr are exactly 200,00 kr', () => {
    const rows = Array.from({ length: 2000 }, () => parseKronor('0,10'));
    expect(sumOre(rows)).toBe(20000);
    expect(formatSek(sumOre(rows), { plain: true })).toBe('200,00 kr');
    // The same sum in floating-point kronor drifts.
    expect(rows.reduce((sum) => sum + 0.1, 0)).not.toBe(200);
  });

  it('refuses overflow and non-integers', () => {
    expect(messages(() => sumOre([Number.MAX_SAFE_INTEGER, 1]))).toEqual(['Summan är för stor.']);
    expect(messages(() => sumOre([1, 0.5]))).toEqual(['Beloppet måste vara ett heltal i öre.']);
  });

  it('guards öre values', () => {
    expect(isOre(5)).toBe(true);
    expect(isOre(5.5)).toBe(false);
    expect(isOre('5')).toBe(false);
    expect(assertOre(7)).toBe(7);
    expect(kronorToOre(125)).toBe(12500);
    expect(messages(() => kronorToOre(1.5))).toEqual(['Ange hela kronor som heltal, eller använd parseKronor.']);
  });
});
