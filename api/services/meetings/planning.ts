import type { z } from 'zod';
import {
  DomainRuleError,
  DomainValidationError,
  addDays,
  planningWindowIssues,
  candidateDays,
  formatDateSv,
  seasonWindow,
  toIsoDate,
  utcToStockholm,
  validateMeetingDate,
  type DateRange,
  type MeetingGroup,
  type Organisation,
} from '../../../src/domain';
import type { planRequestSchema } from '../../../src/contract';
import type { Availability, CalendarApi, TimeSuggestion } from '../../graph/calendar';
import type { ContactRecord } from '../contacts';
import type { Clock } from '../ports';
import { groupMembers } from './register';

type PlanRequest = z.output<typeof planRequestSchema>;

const MAX_CANDIDATES = 6;

export const UNKNOWN_AVAILABILITY_LABEL = 'okänd tillgänglighet (annan organisation)';

export type { Availability } from '../../graph/calendar';

export interface CandidateOrganisation {
  organisationId: string;
  name: string;
  free: string[];
  tentative: string[];
  busy: string[];
  unknown: string[];
}

export interface MeetingCandidate {
  start: string;
  end: string;
  date: string;
  startTime: string;
  endTime: string;
  label: string;
  confidence: number;
  convenerAvailability: Availability;
  counts: Record<Availability, number>;
  organisations: CandidateOrganisation[];
  warnings: string[];
}

export interface MeetingPlan {
  group: MeetingGroup;
  window: DateRange;
  outsideWindow: boolean;
  workingDays: number;
  attendees: number;
  candidates: MeetingCandidate[];
  /** People whose calendars live in other tenants: findMeetingTimes cannot see them. */
  unknownAvailability: { people: number; organisations: string[]; label: string };
  pollAdvised: boolean;
  message: string;
}

function planMessage(candidates: number, unknownPeople: number): string {
  if (candidates === 0) return 'Inga gemensamma tider hittades. Skicka en datumomröstning i stället.';
  if (unknownPeople > 0)
    return `${unknownPeople} personer i andra organisationers tenanter kan inte slås upp (${UNKNOWN_AVAILABILITY_LABEL}). Skicka gärna en datumomröstning.`;
  return 'Alla kallades kalendrar kunde läsas.';
}

/**
 * Planning a meeting: candidate times inside the window, on working days, from findMeetingTimes as the
 * convener. Guests' calendars live in their own tenants, so they come back as unknown: the plan says so and
 * advises a poll.
 */
export class MeetingPlanner {
  constructor(
    private readonly organisations: readonly Organisation[],
    private readonly clock: Clock,
  ) {}

  async plan(
    calendar: CalendarApi,
    caller: { person: Pick<ContactRecord, 'email' | 'entraObjectId'> },
    request: PlanRequest,
    people: () => Promise<ContactRecord[]>,
  ): Promise<MeetingPlan> {
    if (request.latest <= request.earliest) {
      throw new DomainValidationError([
        { path: 'latest', message: 'Senaste sluttid måste ligga efter tidigaste start.' },
      ]);
    }
    const { window, outsideWindow } = this.planWindow(request);
    // Refused at once, before any day is walked or Graph is asked (a window to 9999-12-31 once stalled the server).
    const windowIssues = planningWindowIssues(window.start, window.end);
    if (windowIssues.length > 0) throw new DomainValidationError(windowIssues);
    const tomorrow = addDays(toIsoDate(this.clock.now()), 1);
    const days = candidateDays(window).filter((day) => day >= tomorrow);
    if (days.length === 0) {
      throw new DomainRuleError('NO_WORKING_DAYS', 'Det finns inga kommande arbetsdagar i den valda perioden.');
    }
    const contacts = await people();
    const attendees = groupMembers(contacts, request.group).filter((p) => p.email !== caller.person.email);
    // Graph keys a mailbox by object id or UPN: the person's id from Kontakter, the address only if unresolved.
    const suggestions = await calendar.findMeetingTimes(caller.person.entraObjectId ?? caller.person.email, {
      attendees: attendees.map((person) => ({ email: person.email, name: person.displayName })),
      slots: days.map((day) => ({ date: day, from: request.earliest, to: request.latest })),
      durationMinutes: request.durationMinutes,
    });
    const byEmail = new Map(contacts.map((person) => [person.email, person]));
    const candidates = await this.pickCandidates(suggestions, request.group, byEmail);
    const unknownPeople = attendees.filter((person) =>
      candidates.some((c) => c.organisations.some((o) => o.unknown.includes(person.displayName))),
    );
    const unknownOrgs = [...new Set(unknownPeople.map((p) => this.organisationName(p.organisationId)))];
    return {
      group: request.group,
      window,
      outsideWindow,
      workingDays: days.length,
      attendees: attendees.length,
      candidates,
      unknownAvailability: {
        people: unknownPeople.length,
        organisations: unknownOrgs,
        label: UNKNOWN_AVAILABILITY_LABEL,
      },
      pollAdvised: unknownPeople.length > 0 || candidates.length === 0,
      message: planMessage(candidates.length, unknownPeople.length),
    };
  }

  private planWindow(request: PlanRequest): { window: DateRange; outsideWindow: boolean } {
    if (request.group === 'samverkansgrupp') {
      if (!request.season) throw new DomainValidationError([{ path: 'season', message: 'Välj vår eller höst.' }]);
      const season = seasonWindow(request.year, request.season);
      const window = { start: request.from ?? season.start, end: request.to ?? season.end };
      const outsideWindow = window.start < season.start || window.end > season.end;
      if (outsideWindow && !request.outsideWindowReason) {
        throw new DomainRuleError(
          'OUTSIDE_SEASON_WINDOW',
          `Perioden går utanför säsongens fönster (${season.start}–${season.end}). Ange en motivering.`,
        );
      }
      if (window.end < window.start) throw new DomainRuleError('EMPTY_WINDOW', 'Perioden slutar innan den börjar.');
      return { window, outsideWindow };
    }
    const today = toIsoDate(this.clock.now());
    const window = { start: request.from ?? addDays(today, 7), end: request.to ?? addDays(today, 42) };
    if (window.end < window.start) throw new DomainRuleError('EMPTY_WINDOW', 'Perioden slutar innan den börjar.');
    return { window, outsideWindow: false };
  }

  /** Ranks up to 100 suggestions; yields to the event loop between small batches so that others get a turn. */
  private async pickCandidates(
    suggestions: TimeSuggestion[],
    group: MeetingGroup,
    byEmail: Map<string, ContactRecord>,
  ): Promise<MeetingCandidate[]> {
    const bestPerDay = new Map<string, MeetingCandidate>();
    for (const [index, suggestion] of suggestions.entries()) {
      if (index > 0 && index % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      const { start, end } = suggestion;
      const local = utcToStockholm(start);
      const check = validateMeetingDate({ group, date: local.date, outsideWindowReason: 'planering' });
      if (!check.ok) continue;
      const candidate = this.candidate(suggestion, start, end, byEmail, check.warnings);
      const known = bestPerDay.get(local.date);
      if (!known || candidate.confidence > known.confidence) bestPerDay.set(local.date, candidate);
    }
    return [...bestPerDay.values()]
      .sort((a, b) => b.confidence - a.confidence || a.start.localeCompare(b.start))
      .slice(0, MAX_CANDIDATES);
  }

  private candidate(
    suggestion: TimeSuggestion,
    start: string,
    end: string,
    byEmail: Map<string, ContactRecord>,
    warnings: string[],
  ): MeetingCandidate {
    const local = utcToStockholm(start);
    const counts: Record<Availability, number> = { free: 0, tentative: 0, busy: 0, unknown: 0 };
    const orgs = new Map<string, CandidateOrganisation>();
    for (const { email, availability } of suggestion.attendees) {
      const person = byEmail.get(email);
      const organisationId = person?.organisationId ?? 'okand';
      counts[availability] += 1;
      let org = orgs.get(organisationId);
      if (!org) {
        org = {
          organisationId,
          name: this.organisationName(organisationId),
          free: [],
          tentative: [],
          busy: [],
          unknown: [],
        };
        orgs.set(organisationId, org);
      }
      org[availability].push(person?.displayName ?? email);
    }
    const order = new Map(this.organisations.map((org, index) => [org.id, index]));
    return {
      start,
      end,
      date: local.date,
      startTime: local.time,
      endTime: utcToStockholm(end).time,
      label: `${formatDateSv(local.date)} kl. ${local.time}–${utcToStockholm(end).time}`,
      confidence: Math.round(suggestion.confidence),
      convenerAvailability: suggestion.organizer,
      counts,
      organisations: [...orgs.values()].sort(
        (a, b) => (order.get(a.organisationId) ?? 999) - (order.get(b.organisationId) ?? 999),
      ),
      warnings,
    };
  }

  private organisationName(id: string): string {
    return this.organisations.find((org) => org.id === id)?.name ?? 'Okänd organisation';
  }
}
