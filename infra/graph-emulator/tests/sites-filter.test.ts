import { describe, expect, it } from '@jest/globals';
import {
  compileFilter,
  FilterSyntaxError,
  parseFilter,
  referencedPaths,
  tokenize,
  type PathBinding,
} from '../src/filter';

interface Row {
  title: string | null;
  age: number | null;
}

const bind = (segments: string[]): PathBinding<Row> => {
  const path = segments.join('/');
  if (path === 'fields/Title') return { kind: 'string', read: (r) => r.title };
  if (path === 'fields/Age') return { kind: 'number', read: (r) => r.age };
  throw new FilterSyntaxError(`unknown ${path}`);
};

const rows: Row[] = [
  { title: "O'Brien", age: 30 },
  { title: 'Obrien', age: 40 },
  { title: null, age: 50 },
];
const matching = (filter: string) => rows.filter(compileFilter(parseFilter(filter), bind)).map((r) => r.title);

describe('SharePoint $filter parser', () => {
  it('reads a doubled quote as one quote inside a string literal, so a crafted value stays one literal', () => {
    expect(tokenize("fields/Title eq 'O''Brien'")).toEqual([
      { kind: 'word', text: 'fields/Title', at: 0 },
      { kind: 'word', text: 'eq', at: 13 },
      { kind: 'literal', literal: { kind: 'string', value: "O'Brien" }, at: 16 },
    ]);
    expect(matching("fields/Title eq 'O''Brien'")).toEqual(["O'Brien"]);
    expect(matching("fields/Title eq 'x'' or fields/Title ne ''y'")).toEqual([]);
  });

  it('binds not tighter than and, and tighter than or; parentheses override', () => {
    expect(parseFilter('not fields/Age eq 1 and fields/Age eq 2 or fields/Age eq 3')).toEqual({
      kind: 'or',
      left: {
        kind: 'and',
        left: { kind: 'not', operand: expect.objectContaining({ kind: 'compare' }) },
        right: expect.objectContaining({ kind: 'compare' }),
      },
      right: expect.objectContaining({ kind: 'compare' }),
    });
    expect(matching("fields/Age gt 30 and (fields/Title eq null or startswith(fields/Title,'ob'))")).toEqual([
      'Obrien',
      null,
    ]);
    expect(matching('30 lt fields/Age')).toEqual(['Obrien', null]);
    expect(referencedPaths(parseFilter("fields/Age eq 1 or startswith(fields/Title,'a')"))).toEqual([
      ['fields', 'Age'],
      ['fields', 'Title'],
    ]);
  });

  it.each([
    ["fields/Title eq 'open"],
    ['fields/Age eq'],
    ['fields/Age eq 1 fields/Age eq 2'],
    ['(fields/Age eq 1'],
    ['fields/Age eq 1)'],
    ['fields/Age ~ 1'],
    ['and fields/Age eq 1'],
    ["fields/Age eq 'ett'"],
    ['1 eq 1'],
  ])('rejects %p with a syntax error', (filter) => {
    expect(() => compileFilter(parseFilter(filter), bind)).toThrow(FilterSyntaxError);
  });

  it('reads unquoted ISO datetimes, numbers, booleans and null as literals', () => {
    const kinds = tokenize('2026-09-01T10:00:00Z -3.5 true null').map((t) =>
      t.kind === 'literal' ? t.literal.kind : t.kind,
    );
    expect(kinds).toEqual(['dateTime', 'number', 'boolean', 'null']);
  });
});
