import { describe, expect, it } from '@jest/globals';
import {
  answerCategory,
  notAnswered,
  summariseAnswers,
  unrepresentedKommuner,
  type InvitationAnswer,
  type Person,
} from '../../../src/domain';
import { fullContactList, messages, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const base = fullContactList(orgs);
const people: Person[] = [
  ...base,
  {
    id: 'p-umea-2',
    displayName: 'Anna Andersson',
    email: 'anna@umea.se',
    organisationId: 'umea',
    roles: ['samverkansgrupp'],
  },
];

/** Everyone in the contact list invited with `response`, then the given overrides. */
function answersWith(overrides: Record<string, InvitationAnswer['response']>): InvitationAnswer[] {
  return people
    .filter((p) => p.organisationId !== 'lansstyrelsen-vasterbotten')
    .map((p) => ({ email: p.email, response: overrides[p.email] ?? 'accepted' }));
}

describe('answerCategory', () => {
  it('maps Graph response values to four categories', () => {
    expect(answerCategory('accepted')).toBe('accepted');
    expect(answerCategory('organizer')).toBe('accepted');
    expect(answerCategory('tentativelyAccepted')).toBe('tentative');
    expect(answerCategory('declined')).toBe('declined');
    expect(answerCategory('none')).toBe('noAnswer');
    expect(answerCategory('notResponded')).toBe('noAnswer');
  });
});

describe('summariseAnswers', () => {
  it('counts per person and per organisation with Swedish labels', () => {
    const answers = answersWith({
      'rep@umea.se': 'declined',
      'anna@umea.se': 'tentativelyAccepted',
      'rep@mala.se': 'notResponded',
      'sara@regionvasterbotten.se': 'organizer',
    });
    answers.push(
      { email: 'REP@UMEA.SE', response: 'accepted' },
      { email: 'extern@konsult.se', response: 'none', name: 'Extern Konsult' },
      { email: 'ny@skelleftea.se', response: 'accepted' },
    );
    const summary = summariseAnswers({ answers, people, organisations: orgs });
    const umea = summary.organisations.find((row) => row.organisationId === 'umea');
    expect(umea).toEqual({
      organisationId: 'umea',
      name: 'Umeå',
      kind: 'kommun',
      invited: 2,
      accepted: 0,
      tentative: 1,
      declined: 1,
      noAnswer: 0,
    });
    expect(summary.organisations.find((row) => row.organisationId === 'skelleftea')).toMatchObject({
      invited: 2,
      accepted: 2,
    });
    expect(summary.people.find((p) => p.email === 'anna@umea.se')).toMatchObject({
      personId: 'p-umea-2',
      displayName: 'Anna Andersson',
      answer: 'tentative',
      label: 'Preliminärt',
    });
    expect(summary.people.find((p) => p.email === 'sara@regionvasterbotten.se')).toMatchObject({
      label: 'Accepterat',
      isOrganizer: true,
    });
    expect(summary.people.find((p) => p.email === 'rep@mala.se')?.label).toBe('Inget svar');
    expect(summary.people.find((p) => p.email === 'rep@umea.se')?.label).toBe('Avböjt');
    expect(summary.unknownOrganisation).toEqual([
      expect.objectContaining({ email: 'extern@konsult.se', displayName: 'Extern Konsult', answer: 'noAnswer' }),
    ]);
    expect(summary.totals).toEqual({ invited: 19, accepted: 15, tentative: 1, declined: 1, noAnswer: 2 });
    expect(summary.organisations.find((row) => row.organisationId === 'lansstyrelsen-vasterbotten')?.invited).toBe(0);
  });

  it('refuses unknown response values and bad addresses', () => {
    expect(
      messages(() =>
        summariseAnswers({
          answers: [
            { email: 'rep@umea.se', response: 'maybe' as 'accepted' },
            { email: 'inte-en-adress', response: 'accepted' },
          ],
          people,
          organisations: orgs,
        }),
      ),
    ).toEqual(['Okänt svar på inbjudan: maybe.', 'Ogiltig e-postadress.']);
  });
});

describe('unrepresentedKommuner', () => {
  it('warns when every invitee declined, when nobody has said yes yet, and when nobody is invited', () => {
    const answers = answersWith({
      'rep@umea.se': 'declined',
      'anna@umea.se': 'declined',
      'rep@mala.se': 'notResponded',
      'rep@dorotea.se': 'declined',
      'rep@lycksele.se': 'tentativelyAccepted',
    }).filter((a) => a.email !== 'rep@sorsele.se');
    answers.push({ email: 'rep2@dorotea.se', response: 'none' });
    expect(unrepresentedKommuner({ answers, people, organisations: orgs })).toEqual([
      {
        code: 'NOT_YET_ANSWERED',
        organisationId: 'dorotea',
        name: 'Dorotea',
        message: 'Dorotea har ännu inte svarat.',
      },
      { code: 'NOT_YET_ANSWERED', organisationId: 'mala', name: 'Malå', message: 'Malå har ännu inte svarat.' },
      {
        code: 'NOT_INVITED',
        organisationId: 'sorsele',
        name: 'Sorsele',
        message: 'Ingen från Sorsele är inbjuden.',
      },
      {
        code: 'ALL_DECLINED',
        organisationId: 'umea',
        name: 'Umeå',
        message: 'Umeå blir inte representerad: alla inbjudna har tackat nej.',
      },
    ]);
  });
});

describe('notAnswered', () => {
  it('lists those to remind, sorted by organisation then name', () => {
    const answers = answersWith({
      'rep@vannas.se': 'none',
      'rep@bjurholm.se': 'notResponded',
      'anna@umea.se': 'none',
      'rep@umea.se': 'notResponded',
      'sara@regionvasterbotten.se': 'organizer',
    });
    expect(notAnswered({ answers, people, organisations: orgs }).map((p) => p.email)).toEqual([
      'rep@bjurholm.se',
      'anna@umea.se',
      'rep@umea.se',
      'rep@vannas.se',
    ]);
  });
});
