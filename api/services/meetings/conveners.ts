import {
  assertAppointable,
  can,
  convenerAppointments,
  convenerLine,
  isAppointedConvener,
  samverkansgruppConvenerOn,
  sitsInSamverkansgrupp,
  toIsoDate,
  type ConvenerAppointment,
  type IsoDate,
} from '../../../src/domain';
import type { ListItemsApi } from '../lists';
import type { ContactRecord } from '../contacts';
import type { DecisionsService, RecordCheck } from '../economy';
import { systemClock, type Clock } from '../ports';
import type { Acting } from './service';

/** Who calls samverkansgruppen today (GET /api/meetings/convener), for the Möten page and the kallelse form. */
export interface ConvenerView {
  kind: 'ordforande' | 'utsedd';
  personId?: string;
  displayName?: string;
  decisionId?: string;
  paragraph?: number;
  validUntil?: IsoDate;
  /** "Kallas av Erik Lundqvist, utsedd sammankallande (beslut § 3)". */
  line: string;
}

/** Kontakter as the conveners need it (the people's ids, names, roles and whether they have left). */
export type PeopleSource = (gateway: ListItemsApi) => Promise<readonly ContactRecord[]>;

/**
 * Samverkansgruppen's sammankallande (convener.ts): the ordförande, or the person its decision of the kind
 * `sammankallande` appoints while that decision is in force. The server authorises the kallelse routes with it.
 */
export class Conveners {
  constructor(
    private readonly decisions: Pick<DecisionsService, 'list'>,
    private readonly people: PeopleSource,
    private readonly clock: Clock = systemClock,
  ) {}

  private today(): IsoDate {
    return toIsoDate(this.clock.now());
  }

  async appointments(gateway: ListItemsApi): Promise<ConvenerAppointment[]> {
    return convenerAppointments(await this.decisions.list(gateway, { kind: 'sammankallande' }));
  }

  /**
   * The caller with what an appointment in force today lets them do (`appointedConvener`). The ordförande
   * already may, and one who does not sit in samverkansgruppen cannot be appointed: the register is read only
   * for the others.
   */
  async acting<A extends Acting>(gateway: ListItemsApi, caller: A): Promise<A> {
    if (can(caller.roles, 'samverkansgrupp.kalla') || !sitsInSamverkansgrupp(caller.roles)) return caller;
    let appointments: ConvenerAppointment[];
    try {
      appointments = await this.appointments(gateway);
    } catch (error) {
      // The samordnare's own actions (stödgruppen) do not wait on the register; an appointment needs it.
      if (can(caller.roles, 'stodgrupp.kalla')) return caller;
      throw error;
    }
    const appointed = isAppointedConvener(appointments, caller.person.id, this.today());
    return appointed ? { ...caller, appointedConvener: true } : caller;
  }

  /** Who calls samverkansgruppen today, named from Kontakter. */
  async current(gateway: ListItemsApi): Promise<ConvenerView> {
    const [appointments, people] = await Promise.all([this.appointments(gateway), this.people(gateway)]);
    const convener = samverkansgruppConvenerOn(appointments, this.today());
    if (convener.kind === 'ordforande') {
      const chair = people.find((p) => p.roles.includes('ordforande') && p.deactivatedOn === undefined);
      return {
        kind: 'ordforande',
        ...(chair ? { personId: chair.id, displayName: chair.displayName } : {}),
        line: convenerLine(convener, chair?.displayName),
      };
    }
    const { appointment } = convener;
    const person = people.find((p) => p.id === appointment.personId);
    return {
      kind: 'utsedd',
      personId: appointment.personId,
      ...(person ? { displayName: person.displayName } : {}),
      decisionId: appointment.decisionId,
      ...(appointment.paragraph !== undefined ? { paragraph: appointment.paragraph } : {}),
      ...(appointment.until ? { validUntil: appointment.until } : {}),
      line: convenerLine(convener, person?.displayName),
    };
  }

  /** The check of an appointment decision before it is written: its person is in Kontakter, active and in the group. */
  recordCheck(): RecordCheck {
    return async (gateway, decision) => {
      if (decision.kind !== 'sammankallande') return;
      const people = await this.people(gateway);
      assertAppointable(
        people.find((p) => p.id === decision.personId),
        decision.decidedOn,
        decision.validUntil,
      );
    };
  }
}
