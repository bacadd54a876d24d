import { describe, expect, it } from '@jest/globals';
import {
  agendaPointsFromText,
  agendaToText,
  draftAgendaItems,
  threadIdFromJoinUrl,
  threadIdFromMeetingId,
  type Agenda,
} from '../../../src/domain';
import { agendaPointLine } from '../../../api/cards/agendaCards';
import { matchAttendance } from '../../../api/services/meetings';

const THREAD = '19:meeting_NzQ2ZTk4YjUtZjM2@thread.v2';

describe('the Teams meeting a tab runs in (#16)', () => {
  it('reads the chat thread from a classic join URL and from teams-js meeting.id', () => {
    const joinUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22x%22%7d`;
    expect(threadIdFromJoinUrl(joinUrl)).toBe(THREAD);
    expect(threadIdFromJoinUrl('https://teams.microsoft.com/meet/3456789?p=abc')).toBeUndefined();
    expect(threadIdFromJoinUrl('https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0')).toBeUndefined();
    expect(threadIdFromJoinUrl(undefined)).toBeUndefined();
    expect(threadIdFromMeetingId(btoa(`0#${THREAD}#0`))).toBe(THREAD);
    expect(threadIdFromMeetingId('inte base64!')).toBeUndefined();
  });

  it('reads the sent dagordning back from its text: kind, föredragande, text and handlingar per point', () => {
    const agenda: Agenda = {
      group: 'samverkansgrupp',
      groupLabel: 'Samverkansgruppen',
      meetingTitle: 'Samverkansgruppen – vårmöte 2027',
      date: '2027-04-15',
      startTime: '09:30',
      endTime: '12:00',
      items: [
        { number: 1, kind: 'extra', title: 'Mötets öppnande' },
        ...draftAgendaItems(
          [
            {
              id: 'p2',
              kind: 'beslut',
              title: 'Verksamhetsplan 2027',
              text: 'Stödgruppens förslag.\nBilaga 1.',
              presenterId: '7',
              source: { kind: 'redaktor', label: 'Tillagd' },
              documents: [{ id: 'd', name: 'Plan: förslag.pdf', size: 1, webUrl: 'https://sp.example/Plan.pdf' }],
            },
          ],
          () => 'Karin Nordström',
        ).map((item) => ({ ...item, number: 2 })),
      ],
      documents: [{ title: 'Kallelse', url: 'https://sp.example/k.pdf' }],
    };
    expect(agendaPointsFromText(agendaToText(agenda))).toEqual([
      { number: 1, title: 'Mötets öppnande', documents: [] },
      {
        number: 2,
        title: 'Verksamhetsplan 2027',
        kind: 'beslut',
        presenter: 'Karin Nordström',
        details: 'Stödgruppens förslag.\nBilaga 1.',
        documents: [{ title: 'Plan: förslag.pdf', url: 'https://sp.example/Plan.pdf' }],
      },
    ]);
    expect(agendaPointsFromText(undefined)).toEqual([]);
  });

  it("puts a point on one card line with its handlingar as links, people's text escaped", () => {
    expect(
      agendaPointLine({
        number: 3,
        title: 'Budget *2027*',
        documents: [
          { title: 'Förslag [utkast]', url: 'https://sp.example/a (1).pdf' },
          { title: 'Lokal fil', url: 'file:///c/x' },
        ],
      }),
    ).toBe('**3.** Budget \\*2027\\* · [Förslag \\[utkast\\]](https://sp.example/a%20%281%29.pdf) · Lokal fil');
  });

  it("matches Teams' attendance records to närvaro by e-mail, then by name, and sums sessions", () => {
    const rows = [
      { email: 'erik.lundqvist@umea.se', displayName: 'Erik Lundqvist' },
      { email: 'anna@skelleftea.se', displayName: 'Anna Sjöberg' },
      { email: 'lars@skelleftea.se', displayName: 'Lars Wikström' },
    ];
    expect(
      matchAttendance(rows, [
        { emailAddress: 'Erik.Lundqvist@umea.se', totalAttendanceInSeconds: 1800 },
        { emailAddress: 'erik.lundqvist@umea.se', totalAttendanceInSeconds: 1830 },
        { identity: { displayName: 'Anna Sjöberg' }, totalAttendanceInSeconds: 600 },
        { identity: { displayName: 'Gäst Okänd' }, totalAttendanceInSeconds: 60 },
      ]),
    ).toEqual({
      present: [
        { email: 'erik.lundqvist@umea.se', displayName: 'Erik Lundqvist', minutes: 61 },
        { email: 'anna@skelleftea.se', displayName: 'Anna Sjöberg', minutes: 10 },
      ],
      others: ['Gäst Okänd'],
    });
  });
});
