import { describe, expect, it } from '@jest/globals';
import { CSV_BOM, csvField, csvRow, neutraliseFormula, toCsv } from '../../../src/domain/csv';

describe('CSV: the file', () => {
  it('starts with a BOM, separates with ; and ends every line with CRLF', () => {
    expect(
      toCsv([
        ['Namn', 'Ort'],
        ['Åsa Öberg', 'Umeå'],
      ]),
    ).toBe('\uFEFFNamn;Ort\r\nÅsa Öberg;Umeå\r\n');
    expect(CSV_BOM).toBe('\uFEFF');
  });

  it('is only the BOM when there are no rows', () => {
    expect(toCsv([])).toBe('\uFEFF');
  });

  it('writes numbers with a decimal comma and nothing for null or undefined', () => {
    expect(csvRow([12500.5, -3, 0, null, undefined, ''])).toBe('12500,5;-3;0;;;');
  });

  it('refuses a number that is not finite', () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('CSV: RFC 4180 quoting', () => {
  it.each([
    ['plain', 'plain'],
    ['semi;colon', '"semi;colon"'],
    ['say "hej"', '"say ""hej"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    [' leading space', '" leading space"'],
    ['trailing space ', '"trailing space "'],
    ['comma, is fine', 'comma, is fine'],
  ])('quotes %j only when it must', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('quotes every field on request, empty ones included', () => {
    expect(csvRow(['Namn', 'Bygglovschef, "plan & bygg"', ''], { quote: 'always' })).toBe(
      '"Namn";"Bygglovschef, ""plan & bygg""";""',
    );
  });
});

describe('CSV: formula neutralisation (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://evil.example","klicka")', '\'=HYPERLINK("http://evil.example","klicka")'],
    ['\t=1+1', "'\t=1+1"],
    ['\tvad som helst', "'\tvad som helst"],
    ['\r=1+1', "'\r=1+1"],
    ['   =1+1', "'   =1+1"],
    ['\u00A0@x', "'\u00A0@x"],
    ['\n=1+1', "'\n=1+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['+46 90 785 00 00', "'+46 90 785 00 00"],
    ['-', "'-"],
    ['-1 250,00 kr', "'-1 250,00 kr"],
    ['-12e3', "'-12e3"],
  ])('neutralises %j', (value, neutralised) => {
    expect(neutraliseFormula(value)).toBe(neutralised);
  });

  it.each([
    '-1 250,00',
    '-1\u00A0250,00',
    '-1\u202F250,00',
    '-1250,00',
    '-3,5',
    '-3.5',
    '-42',
    '  -1 250,00',
    '12500,50',
    'Umeå kommun',
    'a=b',
    'e-post@umea.se',
    "It's fine",
    '',
  ])('leaves %j as it is', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('does not take a malformed grouping for a number', () => {
    expect(neutraliseFormula('-12 34')).toBe("'-12 34");
    expect(neutraliseFormula('-1 2345,00')).toBe("'-1 2345,00");
  });

  it('neutralises before quoting, so quotes go around the prefixed text', () => {
    expect(csvField('=1;2')).toBe('"\'=1;2"');
    expect(csvField('-1 250,00', { quote: 'always' })).toBe('"-1 250,00"');
    expect(csvField('   =1+1')).toBe("'   =1+1");
  });

  it('never neutralises a number cell, negative or not', () => {
    expect(csvRow([-1250, -0.5])).toBe('-1250;-0,5');
  });
});
