import { describe, expect, it } from '@jest/globals';
import { closestNames, editDistance, nameSimilarity } from '../../../src/domain';

const LINES = [
  'Samordnare, lön inkl. sociala avgifter',
  'Administration och ekonomistöd',
  'Lokalhyra, kontorsplats Regionens hus',
  'Möteskostnader vår- och höstmöte',
  'Förbrukningsmaterial',
  'Medfinansiering Umeå kommun',
];

describe('closest names', () => {
  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('lokalhyra', 'lokalhyra')).toBe(0);
  });

  it('folds case and diacritics and scores by the best part of the name', () => {
    expect(nameSimilarity('MOTESKOSTNADER', 'Möteskostnader vår- och höstmöte')).toBe(1);
    expect(nameSimilarity('umea', 'Medfinansiering Umeå kommun')).toBe(1);
    expect(nameSimilarity('xyz', 'Lokalhyra')).toBeLessThan(0.34);
  });

  it('finds the line meant by a slip of the pen, best first, and nothing for nonsense', () => {
    expect(closestNames('Lokahyra', LINES)[0]).toBe('Lokalhyra, kontorsplats Regionens hus');
    expect(closestNames('förbrukning', LINES)[0]).toBe('Förbrukningsmaterial');
    expect(closestNames('administraton', LINES, { limit: 1 })).toEqual(['Administration och ekonomistöd']);
    expect(closestNames('qqqqqqqq', LINES)).toEqual([]);
  });
});
