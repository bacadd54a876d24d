import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  activityUid,
  agendaToText,
  buildAgenda,
  cancelMeeting,
  createActivity,
  createMeeting,
  kalendarium,
  kalendariumToIcsEvents,
  meetingToIcsEvent,
  meetingUid,
  toIcsCalendar,
  type IcsEvent,
} from '../../../src/domain';
import { messages, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const now = '2026-09-01T10:00:00Z';

const winter = createMeeting({
  id: 'm-host-2026',
  group: 'samverkansgrupp',
  title: 'Samverkansgruppens höstmöte',
  date: '2026-10-26',
  startTime: '09:00',
  endTime: '12:00',
  location: 'Regionens hus, Umeå',
});
const summer = createMeeting({
  id: 'm-var-2026',
  group: 'samverkansgrupp',
  title: 'Samverkansgruppens vårmöte',
  date: '2026-05-12',
  startTime: '09:00',
  endTime: '12:00',
});

/** Unfolds RFC 5545 line folding so that assertions can read whole properties. */
function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

describe('meetingToIcsEvent', () => {
  it('gives start and end as UTC arrays for winter and summer time', () => {
    expect(meetingToIcsEvent(winter)).toMatchObject({
      start: [2026, 10, 26, 8, 0],
      end: [2026, 10, 26, 11, 0],
      startInputType: 'utc',
      startOutputType: 'utc',
    });
    expect(meetingToIcsEvent(summer)).toMatchObject({ start: [2026, 5, 12, 7, 0], end: [2026, 5, 12, 10, 0] });
  });

  it('renders a calendar with DTSTART in UTC and a stable UID', () => {
    const agenda = buildAgenda({ meeting: winter });
    const event = meetingToIcsEvent(winter, {
      organizer: { name: 'Maria Bergström', email: 'Maria.Bergstrom@regionvasterbotten.se' },
      attendees: [
        { name: 'Erik Lundqvist', email: 'erik.lundqvist@umea.se', partstat: 'ACCEPTED' },
        { email: 'lena@lansstyrelsen.se', optional: true },
      ],
      description: agendaToText(agenda),
      url: 'https://teams.microsoft.com/l/meetup-join/abc',
    });
    const ics = unfold(toIcsCalendar([event, meetingToIcsEvent(summer)], { now, calName: 'Samverkansgruppen' }));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('PRODID:-//Plan- och byggsamverkan Västerbotten//Teams-app//SV');
    expect(ics).toContain('X-WR-CALNAME:Samverkansgruppen');
    expect(ics).toContain('UID:mote-m-host-2026@plan-och-bygg-vasterbotten');
    expect(ics).toContain('DTSTART:20261026T080000Z');
    expect(ics).toContain('DTEND:20261026T110000Z');
    expect(ics).toContain('DTSTART:20260512T070000Z');
    expect(ics).toContain('DTSTAMP:20260901T100000Z');
    expect(ics).toContain('LOCATION:Regionens hus\\, Umeå');
    expect(ics).toContain('ORGANIZER;CN="Maria Bergström":MAILTO:maria.bergstrom@regionvasterbotten.se');
    expect(ics).toContain('PARTSTAT="ACCEPTED";CN="Erik Lundqvist":mailto:erik.lundqvist@umea.se');
    expect(ics).toContain(
      'ROLE="OPT-PARTICIPANT";PARTSTAT="NEEDS-ACTION";CN="lena@lansstyrelsen.se":mailto:lena@lansstyrelsen.se',
    );
    expect(ics).toContain('DESCRIPTION:Dagordning – Samverkansgruppens höstmöte\\n');
    expect(ics).toContain('CATEGORIES:Samverkansgruppen');
    // Same input, same text: the UID and DTSTAMP do not depend on the clock.
    expect(toIcsCalendar([event], { now })).toBe(toIcsCalendar([event], { now }));
    expect(meetingUid('m-host-2026')).toBe('mote-m-host-2026@plan-och-bygg-vasterbotten');
  });

  it('marks a cancelled meeting and takes an explicit uid and sequence', () => {
    const event = meetingToIcsEvent(cancelMeeting(winter), { uid: 'graph-ical-uid-123', sequence: 2 });
    const ics = unfold(toIcsCalendar([event], { now, method: 'CANCEL' }));
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('UID:graph-ical-uid-123');
    expect(ics).toContain('SEQUENCE:2');
  });

  it('refuses bad options', () => {
    expect(messages(() => meetingToIcsEvent(winter, { url: 'javascript:alert(1)' }))).toEqual([
      'Länken måste vara en https-adress.',
    ]);
    expect(messages(() => meetingToIcsEvent(winter, { attendees: [{ email: 'inte en adress' }] }))).toEqual([
      'Ogiltig e-postadress.',
    ]);
    expect(messages(() => toIcsCalendar([], { now: '2026-09-01' }))).toEqual([
      'Tidpunkten måste vara en tidpunkt med tidszon.',
    ]);
    const broken = { ...meetingToIcsEvent(winter), start: [2026, 13, 40, 8, 0] } as IcsEvent;
    expect(() => toIcsCalendar([broken], { now })).toThrow(
      new DomainRuleError('ICS_INVALID', 'Kalenderfilen kunde inte skapas: händelsernas uppgifter är ogiltiga.'),
    );
  });
});

describe('kalendariumToIcsEvents', () => {
  it('exports the kalendarium as all-day events with an exclusive end date', () => {
    const activities = [
      createActivity(
        {
          id: 'a-energi',
          title: 'Utbildning i energikrav',
          area: 'kompetensutveckling',
          targetGroups: ['kommuner', 'naringsliv'],
          startDate: '2026-04-27',
          endDate: '2026-04-28',
          responsibleOrganisationId: 'umea',
          description: 'Två dagar i Umeå.',
          status: 'beslutad',
          decisionId: 'd1',
        },
        orgs,
      ),
      createActivity(
        {
          id: 'a-tillsyn',
          title: 'Tillsynsprojekt ovårdade tomter',
          area: 'tillsynsprojekt',
          targetGroups: ['kommuner'],
          startDate: '2026-02-02',
          endDate: '2026-02-02',
          responsibleOrganisationId: 'skelleftea',
        },
        orgs,
      ),
      createActivity(
        {
          id: 'a-struken',
          title: 'Struken',
          area: 'information',
          targetGroups: ['medborgare'],
          startDate: '2026-03-02',
          endDate: '2026-03-02',
          responsibleOrganisationId: 'umea',
          status: 'struken',
        },
        orgs,
      ),
    ];
    const events = kalendariumToIcsEvents(kalendarium(activities, 2026));
    expect(events.map((e) => [e.uid, e.start, 'end' in e ? e.end : undefined, e.status])).toEqual([
      [activityUid('a-tillsyn'), [2026, 2, 2], [2026, 2, 3], 'TENTATIVE'],
      [activityUid('a-energi'), [2026, 4, 27], [2026, 4, 29], 'CONFIRMED'],
    ]);
    const ics = unfold(toIcsCalendar(events, { now }));
    expect(ics).toContain('DTSTART;VALUE=DATE:20260427');
    expect(ics).toContain('DTEND;VALUE=DATE:20260429');
    expect(ics).toContain(
      'DESCRIPTION:Samverkansområde: Kompetensutveckling\\nMålgrupper: Kommuner\\, Näringsliv\\n\\nTvå dagar i Umeå.',
    );
    expect(ics).toContain('UID:aktivitet-a-energi@plan-och-bygg-vasterbotten');
    expect(ics).not.toContain('Struken');
  });
});
