import { describe, expect, it } from '@jest/globals';
import { channelNameFor, createWorkingGroup, endWorkingGroup, setMembers } from '../../../src/domain';
import { validationIssues } from './fixtures';

const input = {
  id: 'wg1',
  name: '  Tillsyn av OVK  ',
  syfte: 'Gemensam metod för tillsyn av ventilation.',
  uppdrag: 'Ta fram en checklista och ett utbildningspass.',
  memberIds: ['p-umea', 'p-mala', 'p-umea'],
  convenerId: 'p-umea',
  period: { start: '2026-11-01' },
  decisionId: 'd3',
};

describe('createWorkingGroup', () => {
  it('creates an active group', () => {
    const before = structuredClone(input);
    expect(createWorkingGroup(input, ['p-umea', 'p-mala'])).toEqual({
      ...input,
      name: 'Tillsyn av OVK',
      memberIds: ['p-umea', 'p-mala'],
      status: 'aktiv',
      membershipType: 'standard',
    });
    expect(input).toEqual(before);
  });

  it.each([
    [{ name: '   ' }, 'name', 'Namnet får inte vara tomt.'],
    [{ name: 'x'.repeat(51) }, 'name', 'Namnet får vara högst 50 tecken.'],
    [{ syfte: '' }, 'syfte', 'Syftet får inte vara tomt.'],
    [{ uppdrag: undefined }, 'uppdrag', 'Uppdrag saknas.'],
    [{ memberIds: [] }, 'memberIds', 'En arbetsgrupp måste ha minst en medlem.'],
    [{ convenerId: 'p-lycksele' }, 'convenerId', 'Sammankallande måste vara medlem i arbetsgruppen.'],
    [{ period: { start: '2026-11-01', end: '2026-10-01' } }, 'period.end', 'Slutdatum ligger före startdatum.'],
    [{ period: undefined }, 'period', 'Perioden saknas.'],
    [{ membershipType: 'hemlig' }, 'membershipType', 'Okänd kanaltyp: hemlig.'],
    [{ status: 'avslutad' }, 'finalReport', 'En avslutad arbetsgrupp måste ha slutdatum och slutrapport.'],
  ])('refuses %j', (patch, path, message) => {
    const bad = { ...input, ...patch };
    const before = structuredClone(bad);
    expect(validationIssues(() => createWorkingGroup(bad))).toContainEqual({ path, message });
    expect(bad).toEqual(before);
  });

  it('accepts 50 characters after trimming and refuses unknown people', () => {
    expect(createWorkingGroup({ ...input, name: ` ${'x'.repeat(50)} ` }).name).toHaveLength(50);
    expect(validationIssues(() => createWorkingGroup(input, ['p-umea']))).toEqual([
      { path: 'memberIds', message: 'En vald person finns inte i kontaktlistan.' },
    ]);
  });
});

describe('ending and members', () => {
  const group = createWorkingGroup(input);

  it('ends with a report', () => {
    const ended = endWorkingGroup(group, ' Checklistan är klar. ', '2027-03-31');
    expect(ended).toMatchObject({
      status: 'avslutad',
      finalReport: 'Checklistan är klar.',
      period: { start: '2026-11-01', end: '2027-03-31' },
    });
    expect(group.status).toBe('aktiv');
    expect(group.period.end).toBeUndefined();
    expect(() => endWorkingGroup(ended, 'igen', '2027-04-01')).toThrow('Arbetsgruppen är redan avslutad.');
  });

  it('refuses an empty report and an end before the start', () => {
    expect(validationIssues(() => endWorkingGroup(group, '  ', '2027-03-31'))).toEqual([
      { path: 'finalReport', message: 'Slutrapporten får inte vara tom.' },
    ]);
    expect(() => endWorkingGroup(group, 'Klar', '2026-10-01')).toThrow('Slutdatum ligger före startdatum.');
  });

  it('changes members through validation', () => {
    const changed = setMembers(group, ['p-umea', 'p-vannas']);
    expect(changed.memberIds).toEqual(['p-umea', 'p-vannas']);
    expect(group.memberIds).toEqual(['p-umea', 'p-mala']);
    expect(setMembers(group, ['p-vannas'], 'p-vannas').convenerId).toBe('p-vannas');
    expect(validationIssues(() => setMembers(group, ['p-vannas']))).toEqual([
      { path: 'convenerId', message: 'Sammankallande måste vara medlem i arbetsgruppen.' },
    ]);
    const ended = endWorkingGroup(group, 'Klar', '2027-01-01');
    expect(() => setMembers(ended, ['p-umea'])).toThrow('Arbetsgruppen är avslutad; medlemmarna kan inte ändras.');
  });
});

describe('channelNameFor', () => {
  it.each([
    ['Tillsyn av OVK', [], 'Tillsyn av OVK'],
    ['  Plan & bygg: "PBL"?  ', [], 'Plan bygg PBL'],
    ['_intern.', [], 'intern'],
    ['..Brand/säkerhet..', [], 'Brand säkerhet'],
    ['a~b#c%d&e*f{g}h+i/j\\k:l<m>n?o|p\'q"r', [], 'a b c d e f g h i j k l m n o p q r'],
    ['Tillsyn', ['tillsyn'], 'Tillsyn (2)'],
    ['Tillsyn', ['TILLSYN', 'Tillsyn (2)'], 'Tillsyn (3)'],
    ['Åtgärder', ['åtgärder'], 'Åtgärder (2)'],
  ])('%j with %j → %j', (name, existing, expected) => {
    expect(channelNameFor(name, existing)).toBe(expected);
  });

  it('stays within 50 characters, with and without a suffix', () => {
    const long = `${'Samhällsbyggnad '.repeat(4)}`;
    const first = channelNameFor(long);
    expect(first.length).toBeLessThanOrEqual(50);
    expect(first).toBe('Samhällsbyggnad Samhällsbyggnad Samhällsbyggnad Sa');
    const second = channelNameFor(long, [first]);
    expect(second).toBe('Samhällsbyggnad Samhällsbyggnad Samhällsbyggna (2)');
    expect(second).toHaveLength(50);
    expect(second.length).toBeLessThanOrEqual(50);
  });

  it('refuses a name that is only forbidden characters', () => {
    expect(validationIssues(() => channelNameFor('#?*'))).toEqual([
      { path: 'name', message: 'Namnet blir tomt när tecken som Teams inte tillåter har tagits bort.' },
    ]);
  });
});
