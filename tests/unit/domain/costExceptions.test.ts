import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  agreedExceptions,
  assertCostExceptionOrganisations,
  parseOrThrow,
  type CostExceptionDecision,
} from '../../../src/domain';
import { newDecisionSchema } from '../../../src/contract';
import { messages, vasterbotten } from './fixtures';

const orgs = vasterbotten();

const base = { meetingId: '7', kind: 'kostnadsundantag', text: 'Region Västerbotten står för Malås resekostnader.' };

describe('kostnadsundantag: the contract', () => {
  it('takes the kommuner and an optional ceiling in öre', () => {
    expect(
      parseOrThrow(newDecisionSchema, { ...base, organisationIds: ['mala'], ceilingOre: 25_000_00 }),
    ).toMatchObject({ kind: 'kostnadsundantag', organisationIds: ['mala'], ceilingOre: 25_000_00 });
    expect(parseOrThrow(newDecisionSchema, { ...base, organisationIds: ['mala', 'sorsele'] })).not.toHaveProperty(
      'ceilingOre',
    );
  });

  it('refuses an exception without kommuner, or with one named twice, in Swedish', () => {
    expect(messages(() => parseOrThrow(newDecisionSchema, base))).toContain('Ange vilka kommuner undantaget gäller.');
    expect(messages(() => parseOrThrow(newDecisionSchema, { ...base, organisationIds: [] }))).toContain(
      'Ange vilka kommuner undantaget gäller.',
    );
    expect(messages(() => parseOrThrow(newDecisionSchema, { ...base, organisationIds: ['mala', 'mala'] }))).toContain(
      'Samma organisation är angiven två gånger.',
    );
  });

  it('refuses a negative or fractional ceiling', () => {
    expect(() => parseOrThrow(newDecisionSchema, { ...base, organisationIds: ['mala'], ceilingOre: -100 })).toThrow();
    expect(() => parseOrThrow(newDecisionSchema, { ...base, organisationIds: ['mala'], ceilingOre: 1.5 })).toThrow();
  });

  it('refuses kommuner or a ceiling on any other kind of decision', () => {
    const other = { ...base, kind: 'delegering' };
    expect(messages(() => parseOrThrow(newDecisionSchema, { ...other, organisationIds: ['mala'] }))).toContain(
      'Bara ett undantag för egna kostnader anger organisationer.',
    );
    expect(messages(() => parseOrThrow(newDecisionSchema, { ...other, ceilingOre: 100_00 }))).toContain(
      'Bara ett undantag för egna kostnader har ett takbelopp.',
    );
  });
});

describe('kostnadsundantag: the rule', () => {
  it('concerns kommuner of the samverkan only', () => {
    expect(() => assertCostExceptionOrganisations(['mala', 'sorsele'], orgs)).not.toThrow();
    expect(() => assertCostExceptionOrganisations(['gotland'], orgs)).toThrow('Okänd organisation: gotland.');
    expect(() => assertCostExceptionOrganisations(['region-vasterbotten'], orgs)).toThrow(DomainRuleError);
    expect(() => assertCostExceptionOrganisations(['region-vasterbotten'], orgs)).toThrow(
      'Ett undantag för egna kostnader gäller en kommun, inte Region Västerbotten.',
    );
  });

  it('lists the year’s exceptions in the order decided, kommuner by name', () => {
    const decisions: CostExceptionDecision[] = [
      {
        id: '5',
        kind: 'kostnadsundantag',
        title: 'Resor Sorsele',
        text: 'B',
        decidedOn: '2027-10-06',
        paragraph: 9,
        organisationIds: ['sorsele'],
      },
      {
        id: '4',
        kind: 'kostnadsundantag',
        title: 'Resor Malå',
        text: 'A',
        decidedOn: '2027-04-21',
        paragraph: 3,
        organisationIds: ['mala', 'asele'],
        ceilingOre: 25_000_00,
      },
      {
        id: '3',
        kind: 'kostnadsundantag',
        title: 'Förra året',
        text: 'C',
        decidedOn: '2026-10-07',
        organisationIds: ['mala'],
      },
      { id: '6', kind: 'delegering', title: 'Annat', text: 'D', decidedOn: '2027-04-21' },
    ];
    expect(agreedExceptions(decisions, 2027, orgs)).toEqual([
      {
        decisionId: '4',
        title: 'Resor Malå',
        text: 'A',
        decidedOn: '2027-04-21',
        paragraph: 3,
        organisations: ['Malå', 'Åsele'],
        ceilingOre: 25_000_00,
      },
      {
        decisionId: '5',
        title: 'Resor Sorsele',
        text: 'B',
        decidedOn: '2027-10-06',
        paragraph: 9,
        organisations: ['Sorsele'],
      },
    ]);
  });
});
