import { describe, expect, it } from '@jest/globals';
import { checkCommitments, type Person } from '../../../src/domain';
import { fullContactList, vasterbotten } from './fixtures';

const orgs = vasterbotten();

function update(people: Person[], id: string, patch: Partial<Person>): Person[] {
  return people.map((p) => (p.id === id ? { ...p, ...patch } : p));
}

const codes = (people: Person[]) => checkCommitments(orgs, people).map((b) => b.code);

describe('checkCommitments', () => {
  it('finds nothing wrong with a complete contact list', () => {
    expect(checkCommitments(orgs, fullContactList(orgs))).toEqual([]);
  });

  it('reports a kommun without representative, in Swedish', () => {
    const people = fullContactList(orgs).filter((p) => p.id !== 'p-skelleftea');
    const withStod = update(people, 'p-mala', { roles: ['samverkansgrupp', 'stodgrupp'] });
    expect(checkCommitments(orgs, withStod)).toEqual([
      {
        code: 'KOMMUN_WITHOUT_REPRESENTATIVE',
        organisationId: 'skelleftea',
        message: 'Skellefteå saknar representant i samverkansgruppen.',
      },
    ]);
  });

  it('counts the chair as a representative and allows two per kommun, not three', () => {
    const people = fullContactList(orgs);
    const extra = (n: number): Person => ({
      id: `u${n}`,
      displayName: `Umeå ${n}`,
      email: `u${n}@umea.se`,
      organisationId: 'umea',
      roles: ['samverkansgrupp'],
    });
    expect(codes([...people, extra(1)])).toEqual([]);
    const breaches = checkCommitments(orgs, [...people, extra(1), extra(2)]);
    expect(breaches).toEqual([
      {
        code: 'KOMMUN_TOO_MANY_REPRESENTATIVES',
        organisationId: 'umea',
        personIds: ['p-umea', 'u1', 'u2'],
        message: 'Umeå har 3 representanter i samverkansgruppen; högst 2 är tillåtna.',
      },
    ]);
  });

  it('requires exactly one chair, from a kommun', () => {
    const people = fullContactList(orgs);
    expect(codes(update(people, 'p-umea', { roles: ['samverkansgrupp'] }))).toEqual(['NO_CHAIR']);
    const twoChairs = checkCommitments(orgs, update(people, 'p-mala', { roles: ['ordforande'] }));
    expect(twoChairs).toEqual([expect.objectContaining({ code: 'MULTIPLE_CHAIRS', personIds: ['p-mala', 'p-umea'] })]);
    const regionChair = update(update(people, 'p-umea', { roles: ['samverkansgrupp'] }), 'p-samordnare', {
      roles: ['samordnare', 'stodgrupp', 'ordforande'],
    });
    expect(checkCommitments(orgs, regionChair)).toEqual([
      {
        code: 'CHAIR_NOT_KOMMUN',
        organisationId: 'region-vasterbotten',
        personIds: ['p-samordnare'],
        message: 'Ordföranden (Sara Samordnare) ska vara en kommunrepresentant i samverkansgruppen.',
      },
    ]);
  });

  it('requires 3–4 kommun representatives in stödgruppen', () => {
    const people = fullContactList(orgs);
    const two = update(people, 'p-vannas', { roles: ['samverkansgrupp'] });
    expect(checkCommitments(orgs, two)).toEqual([
      expect.objectContaining({
        code: 'STODGRUPP_KOMMUN_COUNT',
        message: 'Stödgruppen har 2 kommunrepresentanter; avtalet anger 3–4.',
      }),
    ]);
    const four = update(people, 'p-mala', { roles: ['samverkansgrupp', 'stodgrupp'] });
    expect(codes(four)).toEqual([]);
    const five = update(four, 'p-dorotea', { roles: ['samverkansgrupp', 'stodgrupp'] });
    expect(codes(five)).toEqual(['STODGRUPP_KOMMUN_COUNT']);
  });

  it('requires the samordnare and Länsstyrelsen in stödgruppen', () => {
    const people = fullContactList(orgs);
    expect(checkCommitments(orgs, update(people, 'p-samordnare', { roles: ['samordnare'] }))).toEqual([
      { code: 'STODGRUPP_WITHOUT_SAMORDNARE', message: 'Samordnaren ingår inte i stödgruppen.' },
    ]);
    expect(
      checkCommitments(
        orgs,
        people.filter((p) => p.id !== 'p-lst'),
      ),
    ).toEqual([
      {
        code: 'STODGRUPP_WITHOUT_LANSSTYRELSE',
        organisationId: 'lansstyrelsen-vasterbotten',
        message: 'Stödgruppen saknar representant från Länsstyrelsen.',
      },
    ]);
  });

  it('requires a samordnare from the host organisation', () => {
    const people = fullContactList(orgs);
    expect(codes(people.filter((p) => p.id !== 'p-samordnare'))).toEqual([
      'STODGRUPP_WITHOUT_SAMORDNARE',
      'NO_SAMORDNARE',
    ]);
    const fromKommun = update(people, 'p-samordnare', { organisationId: 'umea' });
    const breach = checkCommitments(orgs, fromKommun).find((b) => b.code === 'SAMORDNARE_NOT_FROM_HOST');
    expect(breach?.message).toBe('Samordnaren (Sara Samordnare) ska komma från huvudmannen (Region Västerbotten).');
    const noHost = orgs.map((o) => ({ ...o, isHost: false }));
    expect(checkCommitments(noHost, people).map((b) => b.message)).toContain(
      'Samordnaren (Sara Samordnare) ska komma från huvudmannen.',
    );
  });

  it('reports people of unknown organisations', () => {
    const people = [
      ...fullContactList(orgs),
      { id: 'x', displayName: 'X', email: 'x@x.se', organisationId: 'pitea', roles: [] },
    ];
    expect(checkCommitments(orgs, people)).toEqual([
      {
        code: 'PERSON_UNKNOWN_ORGANISATION',
        organisationId: 'pitea',
        personIds: ['x'],
        message: 'X tillhör en okänd organisation.',
      },
    ]);
  });

  it('an empty contact list breaches every commitment', () => {
    const result = codes([]);
    expect(result.filter((c) => c === 'KOMMUN_WITHOUT_REPRESENTATIVE')).toHaveLength(15);
    expect(result).toEqual(
      expect.arrayContaining([
        'NO_CHAIR',
        'STODGRUPP_KOMMUN_COUNT',
        'STODGRUPP_WITHOUT_SAMORDNARE',
        'STODGRUPP_WITHOUT_LANSSTYRELSE',
        'NO_SAMORDNARE',
      ]),
    );
  });
});
