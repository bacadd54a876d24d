import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  assertNewAddress,
  assertRosterChangeConfirmed,
  checkRoster,
  deactivatePerson,
  isActive,
  previewRosterChange,
  type RosterPerson,
} from '../../../src/domain';
import { fullContactList, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const people: RosterPerson[] = fullContactList(orgs);
const codes = (roster: RosterPerson[]) => checkRoster(orgs, roster).map((b) => b.code);
const update = (roster: RosterPerson[], id: string, patch: Partial<RosterPerson>) =>
  roster.map((p) => (p.id === id ? { ...p, ...patch } : p));

const consultant: RosterPerson = {
  id: 'p-konsult',
  displayName: 'Karl Konsult',
  email: 'karl@umea.se',
  organisationId: 'umea',
  roles: ['samordnare', 'stodgrupp', 'samverkansgrupp'],
};

describe('the contact list kept current: the commitments check over active people', () => {
  it('a complete list has nothing to report', () => {
    expect(checkRoster(orgs, people)).toEqual([]);
  });

  it('a samordnare bought in from Umeå is a breach unless recorded as a bought-in service', () => {
    const withoutRegion = [...people.filter((p) => p.id !== 'p-samordnare')];
    const notRecorded = [...withoutRegion, consultant];
    expect(codes(notRecorded)).toEqual(['SAMORDNARE_NOT_FROM_HOST']);
    expect(codes([...withoutRegion, { ...consultant, boughtInService: true }])).toEqual([]);
  });

  it('flags two samordnare, naming both', () => {
    const two = [...people, { ...consultant, boughtInService: true }];
    expect(checkRoster(orgs, two)).toEqual([
      {
        code: 'MULTIPLE_SAMORDNARE',
        personIds: ['p-samordnare', 'p-konsult'],
        message: 'Det finns flera samordnare (Sara Samordnare, Karl Konsult); avtalet anger en samordnare.',
      },
    ]);
  });

  it('flags two people from Länsstyrelsen in stödgruppen, but not one in stödgruppen and one in an arbetsgrupp', () => {
    const second: RosterPerson = {
      id: 'p-lst2',
      displayName: 'Per Länsstyrelsen',
      email: 'per@lansstyrelsen.se',
      organisationId: 'lansstyrelsen-vasterbotten',
      roles: ['stodgrupp'],
    };
    expect(checkRoster(orgs, [...people, second])).toEqual([
      expect.objectContaining({
        code: 'STODGRUPP_MULTIPLE_LANSSTYRELSE',
        personIds: ['p-lst', 'p-lst2'],
        message:
          'Stödgruppen har 2 representanter från Länsstyrelsen (Lena Länsstyrelsen, Per Länsstyrelsen); avtalet anger en.',
      }),
    ]);
    expect(codes([...people, { ...second, roles: ['arbetsgrupp'] }])).toEqual([]);
  });

  it('a deactivated person counts for nothing: Skellefteå without its only representative is reported', () => {
    const skelleftea = people.find((p) => p.id === 'p-skelleftea')!;
    const gone = deactivatePerson(skelleftea, '2026-11-30T10:00:00Z');
    expect(gone).toMatchObject({
      roles: [],
      formerRoles: ['samverkansgrupp', 'stodgrupp'],
      deactivatedOn: '2026-11-30',
    });
    expect(isActive(gone)).toBe(false);
    const roster = update(people, 'p-skelleftea', gone);
    expect(codes(roster)).toEqual(['KOMMUN_WITHOUT_REPRESENTATIVE', 'STODGRUPP_KOMMUN_COUNT']);
    expect(() => deactivatePerson(gone, '2026-12-01')).toThrow('är redan avaktiverad sedan 2026-11-30');
  });
});

describe('warnings before saving', () => {
  it('lists only what the change brings, not what was already wrong', () => {
    const alreadyWrong = people.filter((p) => p.id !== 'p-lst');
    const after = update(alreadyWrong, 'p-umea', { roles: ['samverkansgrupp'] });
    const preview = previewRosterChange(orgs, alreadyWrong, after);
    expect(preview.breaches.map((b) => b.code)).toEqual(['NO_CHAIR', 'STODGRUPP_WITHOUT_LANSSTYRELSE']);
    expect(preview.introduced.map((b) => b.message)).toEqual(['Samverkansgruppen saknar ordförande.']);
  });

  it('refuses to save a change with new warnings until it is confirmed', () => {
    const after = update(people, 'p-umea', { roles: ['samverkansgrupp'] });
    const preview = previewRosterChange(orgs, people, after);
    expect(() => assertRosterChangeConfirmed(preview, false)).toThrow(DomainRuleError);
    expect(() => assertRosterChangeConfirmed(preview, false)).toThrow(
      'Ändringen ger avvikelser från åtagandena: Samverkansgruppen saknar ordförande. Bekräfta för att spara ändå.',
    );
    expect(() => assertRosterChangeConfirmed(preview, true)).not.toThrow();
    const harmless = previewRosterChange(orgs, people, update(people, 'p-umea', { title: 'Planchef' }));
    expect(() => assertRosterChangeConfirmed(harmless, false)).not.toThrow();
  });

  it('refuses a second contact with an address already in the list, whatever its case', () => {
    expect(() => assertNewAddress(people, ' Sara@RegionVasterbotten.se ')).toThrow(
      'Det finns redan en kontakt med e-postadressen sara@regionvasterbotten.se (Sara Samordnare).',
    );
    expect(() => assertNewAddress(people, 'ny@umea.se')).not.toThrow();
  });
});
