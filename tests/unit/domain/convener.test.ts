import { describe, expect, it } from '@jest/globals';
import {
  appointmentOn,
  assertAppointable,
  convenerAppointments,
  convenerLine,
  convenerSubjectRef,
  DomainRuleError,
  isAppointedConvener,
  personOfSubjectRef,
  samverkansgruppConvenerOn,
  type AppointmentDecision,
  type ConvenerAppointment,
} from '../../../src/domain';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRuleError);
    return (error as Error).message;
  }
  throw new Error('did not throw');
}

const appointErik: AppointmentDecision = {
  id: '12',
  kind: 'sammankallande',
  subjectRef: convenerSubjectRef('31'),
  decidedOn: '2027-01-15',
  validUntil: '2027-06-30',
  paragraph: 3,
};

describe('the sammankallande of samverkansgruppen ("om ingen annan utses")', () => {
  it('reads appointments from decisions of the kind sammankallande that name a person', () => {
    expect(personOfSubjectRef('person:31')).toBe('31');
    expect(personOfSubjectRef('activity:31')).toBeUndefined();
    expect(
      convenerAppointments([
        appointErik,
        { ...appointErik, id: '13', kind: 'budget' },
        { ...appointErik, id: '14', subjectRef: 'activity:4' },
        { ...appointErik, id: '15', decidedOn: undefined },
      ]),
    ).toEqual([{ decisionId: '12', personId: '31', from: '2027-01-15', until: '2027-06-30', paragraph: 3 }]);
  });

  it('is in force from the decision day to and with its end date, Stockholm days', () => {
    const appointments = convenerAppointments([appointErik]);
    expect(isAppointedConvener(appointments, '31', '2027-01-14')).toBe(false);
    expect(isAppointedConvener(appointments, '31', '2027-01-15')).toBe(true);
    expect(isAppointedConvener(appointments, '31', '2027-06-30')).toBe(true);
    expect(isAppointedConvener(appointments, '31', '2027-07-01')).toBe(false);
    expect(isAppointedConvener(appointments, '32', '2027-03-01')).toBe(false);
    // Without an end date: until samverkansgruppen decides otherwise.
    const open = convenerAppointments([{ ...appointErik, validUntil: undefined }]);
    expect(isAppointedConvener(open, '31', '2030-12-31')).toBe(true);
  });

  it('a later appointment replaces the earlier one, and once it has ended the ordförande calls again', () => {
    const later: ConvenerAppointment = { decisionId: '20', personId: '40', from: '2027-03-01', until: '2027-04-30' };
    const appointments = [...convenerAppointments([appointErik]), later];
    expect(appointmentOn(appointments, '2027-02-01')?.personId).toBe('31');
    expect(appointmentOn(appointments, '2027-03-01')?.personId).toBe('40');
    expect(isAppointedConvener(appointments, '31', '2027-03-15')).toBe(false);
    expect(samverkansgruppConvenerOn(appointments, '2027-05-02')).toEqual({ kind: 'ordforande' });
    // Two decisions of one day: the higher paragraph is the later.
    const sameDay: ConvenerAppointment = {
      ...later,
      decisionId: '21',
      personId: '41',
      from: '2027-03-01',
      paragraph: 9,
    };
    expect(appointmentOn([{ ...later, paragraph: 8 }, sameDay], '2027-03-02')?.personId).toBe('41');
  });

  it('says who calls: "Kallas av X, utsedd sammankallande (beslut § N)" or the ordförande', () => {
    const convener = samverkansgruppConvenerOn(convenerAppointments([appointErik]), '2027-02-01');
    expect(convener.kind).toBe('utsedd');
    expect(convenerLine(convener, 'Erik Lundqvist')).toBe(
      'Kallas av Erik Lundqvist, utsedd sammankallande (beslut § 3, till och med onsdag 30 juni 2027)',
    );
    const open = samverkansgruppConvenerOn(
      convenerAppointments([{ ...appointErik, validUntil: undefined }]),
      '2027-02-01',
    );
    expect(convenerLine(open, 'Erik Lundqvist')).toBe('Kallas av Erik Lundqvist, utsedd sammankallande (beslut § 3)');
    expect(convenerLine({ kind: 'ordforande' }, 'Maria Bergström')).toBe('Kallas av Maria Bergström, ordförande');
  });

  it('appoints only an active person of samverkansgruppen, with an end date not before the decision', () => {
    const member = { roles: ['samverkansgrupp'] as const };
    expect(() => assertAppointable({ roles: [...member.roles] }, '2027-01-15', '2027-06-30')).not.toThrow();
    expect(() => assertAppointable({ roles: ['samordnare'] }, '2027-01-15')).not.toThrow();
    expect(messageOf(() => assertAppointable(undefined, '2027-01-15'))).toBe(
      'Personen som utses finns inte i kontaktlistan.',
    );
    expect(messageOf(() => assertAppointable({ roles: ['stodgrupp'] }, '2027-01-15'))).toBe(
      'Endast en person i samverkansgruppen kan utses till sammankallande.',
    );
    expect(
      messageOf(() => assertAppointable({ roles: ['samverkansgrupp'], deactivatedOn: '2027-01-01' }, '2027-01-15')),
    ).toBe('Personen som utses har lämnat samverkan.');
    expect(messageOf(() => assertAppointable({ roles: ['samverkansgrupp'] }, '2027-01-15', '2027-01-14'))).toBe(
      'Slutdatumet torsdag 14 januari 2027 ligger före beslutsdatumet fredag 15 januari 2027.',
    );
  });
});
