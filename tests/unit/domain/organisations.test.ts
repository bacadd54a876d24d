import { describe, expect, it } from '@jest/globals';
import {
  DomainValidationError,
  createPerson,
  findOrganisation,
  hostOrganisation,
  kommuner,
  officialName,
  organisationForEmail,
  parseOrganisationConfig,
  parseOrganisations,
  roleLabel,
  ROLES,
  isRole,
  hasRole,
  withRoles,
} from '../../../src/domain';
import { loadConfigJson, messages, validationIssues, vasterbotten } from './fixtures';

describe('organisations', () => {
  it('reads the Västerbotten file: 15 kommuner, the Region as host, Länsstyrelsen', () => {
    const orgs = vasterbotten();
    expect(orgs).toHaveLength(17);
    expect(kommuner(orgs).map((o) => o.name)).toEqual([
      'Bjurholm',
      'Dorotea',
      'Lycksele',
      'Malå',
      'Nordmaling',
      'Norsjö',
      'Robertsfors',
      'Skellefteå',
      'Sorsele',
      'Storuman',
      'Umeå',
      'Vilhelmina',
      'Vindeln',
      'Vännäs',
      'Åsele',
    ]);
    expect(hostOrganisation(orgs)).toMatchObject({
      id: 'region-vasterbotten',
      name: 'Region Västerbotten',
      kind: 'region',
    });
    expect(findOrganisation(orgs, 'lansstyrelsen-vasterbotten')).toMatchObject({
      name: 'Länsstyrelsen Västerbotten',
      kind: 'lansstyrelse',
      emailDomain: 'lansstyrelsen.se',
    });
    expect(findOrganisation(orgs, 'mala')?.emailDomain).toBe('mala.se');
    expect(findOrganisation(orgs, 'asele')?.emailDomain).toBe('asele.se');
    expect(parseOrganisationConfig(loadConfigJson()).region).toBe('Västerbotten');
  });

  it('accepts a bare list too (another region swaps the data, not the code)', () => {
    const list = [
      { id: 'a', name: 'A kommun', kind: 'kommun', emailDomain: 'a.se' },
      { id: 'r', name: 'Region R', kind: 'region', emailDomain: 'R.se', isHost: true },
    ];
    const before = structuredClone(list);
    const orgs = parseOrganisations(list);
    expect(orgs[1]?.emailDomain).toBe('r.se');
    expect(list).toEqual(before);
  });

  it('refuses duplicate ids, no host and several hosts', () => {
    const base = { id: 'a', name: 'A', kind: 'kommun', emailDomain: 'a.se' };
    expect(messages(() => parseOrganisations([base, { ...base, isHost: true }]))).toContain(
      'Organisations-id förekommer flera gånger: a.',
    );
    expect(messages(() => parseOrganisations([base]))).toEqual([
      'Ingen organisation är huvudman; exakt en ska ha isHost: true.',
    ]);
    expect(
      messages(() =>
        parseOrganisations([
          { ...base, isHost: true },
          { ...base, id: 'b', isHost: true },
        ]),
      )[0],
    ).toMatch(/^Flera organisationer är huvudman \(a, b\)/);
    expect(messages(() => parseOrganisations({ region: 'X', organisations: [] }))).toContain(
      'Listan över organisationer är tom.',
    );
  });

  it('refuses bad fields with Swedish messages', () => {
    const issues = validationIssues(() =>
      parseOrganisations({
        region: '',
        organisations: [{ id: 'Umeå', name: ' ', kind: 'stad', emailDomain: 'not a domain', isHost: 'yes' }],
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'region', message: 'Regionens namn får inte vara tomt.' },
        { path: 'organisations.0.name', message: 'Namnet får inte vara tomt.' },
        {
          path: 'organisations.0.kind',
          message: 'Okänd organisationstyp: stad. Tillåtna: kommun, region, lansstyrelse.',
        },
        { path: 'organisations.0.emailDomain', message: 'Ogiltig e-postdomän (t.ex. ”umea.se”).' },
        { path: 'organisations.0.isHost', message: 'isHost måste vara true eller false.' },
      ]),
    );
    expect(issues.find((i) => i.path === 'organisations.0.id')?.message).toMatch(/små bokstäver/);
    expect(() => parseOrganisations('nonsense')).toThrow(DomainValidationError);
    expect(messages(() => parseOrganisations({ region: 'X' }))).toEqual(['Organisationerna måste anges som en lista.']);
  });

  it('maps e-mail addresses to organisations', () => {
    const orgs = vasterbotten();
    expect(organisationForEmail(orgs, 'Anna.Andersson@Umea.se')?.id).toBe('umea');
    expect(organisationForEmail(orgs, 'x@bygg.skelleftea.se')?.id).toBe('skelleftea');
    expect(organisationForEmail(orgs, 'x@example.com')).toBeUndefined();
    expect(organisationForEmail(orgs, 'not-an-email')).toBeUndefined();
  });
});

describe('official names', () => {
  it('gives each kommun of the file its name with the genitive Swedish wants, written out, not derived', () => {
    const orgs = vasterbotten();
    const named = (id: string) => officialName(findOrganisation(orgs, id)!);
    expect(named('bjurholm')).toBe('Bjurholms kommun');
    expect(named('umea')).toBe('Umeå kommun');
    expect(named('vannas')).toBe('Vännäs kommun');
    expect(named('storuman')).toBe('Storumans kommun');
    expect(named('region-vasterbotten')).toBe('Region Västerbotten');
    expect(kommuner(orgs).every((k) => officialName(k).endsWith(' kommun'))).toBe(true);
  });

  it('refuses an empty officialName', () => {
    const config = {
      region: 'X',
      organisations: [{ id: 'a', name: 'A', officialName: ' ', kind: 'kommun', emailDomain: 'a.se', isHost: true }],
    };
    expect(messages(() => parseOrganisationConfig(config))).toEqual(['officialName får inte vara tomt.']);
  });
});

describe('roles', () => {
  it.each([
    ['ordforande', 'Ordförande', 'Chair'],
    ['samordnare', 'Samordnare', 'Coordinator'],
    ['samverkansgrupp', 'Samverkansgruppen', 'Collaboration group'],
    ['stodgrupp', 'Stödgruppen', 'Support group'],
    ['arbetsgrupp', 'Arbetsgrupp', 'Working group'],
  ] as const)('%s is "%s" / "%s"', (role, sv, en) => {
    expect(roleLabel(role, 'sv')).toBe(sv);
    expect(roleLabel(role, 'en')).toBe(en);
    expect(roleLabel(role)).toBe(sv);
  });

  it('knows its roles', () => {
    expect(ROLES).toHaveLength(5);
    expect(isRole('stodgrupp')).toBe(true);
    expect(isRole('admin')).toBe(false);
  });
});

describe('createPerson', () => {
  const orgs = vasterbotten();
  const valid = {
    id: 'p1',
    displayName: '  Anna Andersson ',
    email: 'Anna.Andersson@Skelleftea.se',
    organisationId: 'skelleftea',
    roles: ['samverkansgrupp', 'stodgrupp'],
    title: 'Stadsarkitekt',
    phone: '+46 910-73 50 00',
  };

  it('creates a person with normalised name and e-mail', () => {
    const person = createPerson(valid, orgs);
    expect(person).toEqual({ ...valid, displayName: 'Anna Andersson', email: 'anna.andersson@skelleftea.se' });
    expect(hasRole(person, 'stodgrupp')).toBe(true);
    expect(createPerson({ ...valid, roles: undefined }, orgs).roles).toEqual([]);
  });

  it.each([
    [{ displayName: '   ' }, 'displayName', 'Namnet får inte vara tomt.'],
    [{ displayName: undefined }, 'displayName', 'Namnet saknas.'],
    [{ email: 'anna@' }, 'email', 'Ogiltig e-postadress.'],
    [{ organisationId: 'pitea' }, 'organisationId', 'Okänd organisation: pitea.'],
    [{ roles: ['samverkansgrupp', 'kung'] }, 'roles.1', 'Okänd roll: kung.'],
    [{ roles: ['stodgrupp', 'stodgrupp'] }, 'roles.1', 'Rollen Stödgruppen förekommer flera gånger.'],
    [{ roles: 'stodgrupp' }, 'roles', 'Rollerna måste anges som en lista.'],
    [{ phone: 'ring mig' }, 'phone', 'Ogiltigt telefonnummer.'],
    [{ title: '' }, 'title', 'Titeln får inte vara tom.'],
    [{ id: '' }, 'id', 'Id får inte vara tomt.'],
  ])('refuses %j', (patch, path, message) => {
    const input = { ...valid, ...patch };
    const before = structuredClone(input);
    expect(validationIssues(() => createPerson(input, orgs))).toContainEqual({ path, message });
    expect(input).toEqual(before);
  });

  it('changes roles by returning a new person', () => {
    const person = createPerson(valid, orgs);
    const chair = withRoles(person, ['ordforande'], orgs);
    expect(chair.roles).toEqual(['ordforande']);
    expect(person.roles).toEqual(['samverkansgrupp', 'stodgrupp']);
    expect(() => withRoles(person, ['x'], orgs)).toThrow('Okänd roll: x.');
  });

  it('refuses input that is not an object', () => {
    expect(messages(() => createPerson(null, orgs))).toEqual(['Fel typ av värde: förväntade ett objekt.']);
  });
});
