import { formatDateSv, type IsoDate } from './calendar';
import { DomainRuleError } from './errors';
import type { Role } from './roles';

/**
 * "Ordförande är sammankallande och gruppens talesman om ingen annan utses": samverkansgruppen may appoint
 * another sammankallande by a decision of the kind `sammankallande` naming a person of Kontakter, from the day
 * it was taken and, when the decision says so, until an end date. While it is in force that person calls the
 * samverkansgrupp like the ordförande. Days are Stockholm days (IsoDate).
 */

/** How an appointment decision names its person in the decision's SubjectRef ("Gäller"). */
const PERSON_REF = /^person:([A-Za-z0-9-]{1,64})$/;

export function convenerSubjectRef(personId: string): string {
  return `person:${personId}`;
}

export function personOfSubjectRef(ref: string | undefined): string | undefined {
  return ref ? PERSON_REF.exec(ref)?.[1] : undefined;
}

export interface ConvenerAppointment {
  decisionId: string;
  personId: string;
  /** The day the decision was taken: it is in force from that day. */
  from: IsoDate;
  /** The last day it is in force, when the decision gave one. */
  until?: IsoDate;
  /** The decision's paragraph in its year (§ N). */
  paragraph?: number;
}

/** A decision of the register as far as appointments need it. */
export interface AppointmentDecision {
  id: string;
  kind: string;
  subjectRef?: string;
  decidedOn?: IsoDate;
  validUntil?: IsoDate;
  paragraph?: number;
}

/** The appointments among the decisions (other kinds, and ones without a person or a date, are not). */
export function convenerAppointments(decisions: readonly AppointmentDecision[]): ConvenerAppointment[] {
  return decisions.flatMap((d) => {
    const personId = personOfSubjectRef(d.subjectRef);
    if (d.kind !== 'sammankallande' || !personId || !d.decidedOn) return [];
    return [
      {
        decisionId: d.id,
        personId,
        from: d.decidedOn,
        ...(d.validUntil ? { until: d.validUntil } : {}),
        ...(d.paragraph !== undefined ? { paragraph: d.paragraph } : {}),
      },
    ];
  });
}

function later(a: ConvenerAppointment, b: ConvenerAppointment): number {
  if (a.from !== b.from) return a.from < b.from ? 1 : -1;
  if ((a.paragraph ?? 0) !== (b.paragraph ?? 0)) return (b.paragraph ?? 0) - (a.paragraph ?? 0);
  return Number(b.decisionId) - Number(a.decisionId);
}

/**
 * The appointment in force on `day`: the latest decision taken by then governs (a new appointment replaces
 * the earlier one), and once its end date has passed nobody is appointed and the ordförande calls again.
 */
export function appointmentOn(
  appointments: readonly ConvenerAppointment[],
  day: IsoDate,
): ConvenerAppointment | undefined {
  const latest = appointments.filter((a) => a.from <= day).sort(later)[0];
  if (!latest || (latest.until !== undefined && latest.until < day)) return undefined;
  return latest;
}

/** Whether `personId` is the appointed sammankallande of samverkansgruppen on `day`. */
export function isAppointedConvener(
  appointments: readonly ConvenerAppointment[],
  personId: string,
  day: IsoDate,
): boolean {
  return appointmentOn(appointments, day)?.personId === personId;
}

/** Who calls the samverkansgrupp on a day: the appointed sammankallande while a decision is in force, else the ordförande. */
export type SamverkansgruppConvener = { kind: 'ordforande' } | { kind: 'utsedd'; appointment: ConvenerAppointment };

export function samverkansgruppConvenerOn(
  appointments: readonly ConvenerAppointment[],
  day: IsoDate,
): SamverkansgruppConvener {
  const appointment = appointmentOn(appointments, day);
  return appointment ? { kind: 'utsedd', appointment } : { kind: 'ordforande' };
}

/** "Kallas av X, utsedd sammankallande (beslut § N)", "… till och med 30 juni 2027", or "Kallas av X, ordförande". */
export function convenerLine(convener: SamverkansgruppConvener, name: string | undefined): string {
  if (convener.kind === 'ordforande') return name ? `Kallas av ${name}, ordförande` : 'Kallas av ordföranden';
  const { paragraph, until } = convener.appointment;
  const decision = paragraph !== undefined ? `beslut § ${paragraph}` : 'beslut';
  const end = until ? `, till och med ${formatDateSv(until)}` : '';
  return `Kallas av ${name ?? 'utsedd person'}, utsedd sammankallande (${decision}${end})`;
}

/** A person of Kontakter as an appointment needs them. */
export interface AppointeeCandidate {
  roles: readonly Role[];
  deactivatedOn?: IsoDate;
}

/** Who sits in samverkansgruppen: its members, the ordförande and the samordnare (its sekreterare). */
const SAMVERKANSGRUPP_SEATS: readonly Role[] = ['ordforande', 'samverkansgrupp', 'samordnare'];

export function sitsInSamverkansgrupp(roles: readonly Role[]): boolean {
  return roles.some((role) => SAMVERKANSGRUPP_SEATS.includes(role));
}

/**
 * Refuses an appointment of someone who is not in Kontakter, has left, or does not sit in samverkansgruppen,
 * and an end date before the decision.
 */
export function assertAppointable(
  person: AppointeeCandidate | undefined,
  decidedOn: IsoDate,
  validUntil?: IsoDate,
): void {
  if (!person) {
    throw new DomainRuleError('APPOINTEE_NOT_FOUND', 'Personen som utses finns inte i kontaktlistan.');
  }
  if (person.deactivatedOn !== undefined && person.deactivatedOn <= decidedOn) {
    throw new DomainRuleError('APPOINTEE_INACTIVE', 'Personen som utses har lämnat samverkan.');
  }
  if (!sitsInSamverkansgrupp(person.roles)) {
    throw new DomainRuleError(
      'APPOINTEE_NOT_MEMBER',
      'Endast en person i samverkansgruppen kan utses till sammankallande.',
    );
  }
  if (validUntil !== undefined && validUntil < decidedOn) {
    throw new DomainRuleError(
      'APPOINTMENT_ENDS_BEFORE_DECISION',
      `Slutdatumet ${formatDateSv(validUntil)} ligger före beslutsdatumet ${formatDateSv(decidedOn)}.`,
    );
  }
}
