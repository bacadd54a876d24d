import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  agendaToHtml,
  agendaToText,
  buildAgenda,
  cancelMeeting,
  createMeeting,
  createProposal,
  escapeHtml,
  type Decision,
} from '../../../src/domain';
import { messages } from './fixtures';

const host = createMeeting({
  id: 'm-host-2026',
  group: 'samverkansgrupp',
  title: 'Samverkansgruppens höstmöte',
  date: '2026-10-26',
  startTime: '09:00',
  endTime: '12:00',
  location: 'Regionens hus, Umeå',
});

const stod = createMeeting({
  id: 'm-stod-sep',
  group: 'stodgrupp',
  title: 'Stödgruppen september',
  date: '2026-09-15',
  startTime: '13:00',
  endTime: '15:00',
});

const budget = createProposal({
  id: 'p-budget',
  kind: 'budget',
  title: 'Budget 2027',
  text: 'Stödgruppen föreslår en budget på 1 450 000 kr.',
  date: '2026-09-15',
});
const plan = createProposal({
  id: 'p-vp',
  kind: 'verksamhetsplan',
  title: 'Verksamhetsplan 2027',
  text: 'Fokus på klimatanpassning och tillsyn.',
  date: '2026-05-20',
});

const decision = (id: string, followUpDue: string | undefined, followUp: Decision['followUp'] = 'ej_paborjad') =>
  ({
    id,
    meetingId: 'm-var',
    kind: 'utvardering',
    text: `Beslut ${id}`,
    decidedOn: '2026-04-22',
    followUp,
    ...(followUpDue ? { followUpDue } : {}),
  }) satisfies Decision;

describe('buildAgenda', () => {
  it('numbers the fixed items, proposals, follow-ups and the economy for samverkansgruppen', () => {
    const agenda = buildAgenda({
      meeting: host,
      openProposals: [budget, plan, budget],
      followUps: [
        decision('sent', '2026-12-01'),
        decision('tidig', '2026-09-30', 'pagar'),
        decision('klar', '2026-06-01', 'klar'),
      ],
      extraItems: ['Rapport från arbetsgruppen för tillsyn'],
    });
    expect(agenda.items.map((item) => `${item.number}. ${item.title}`)).toEqual([
      '1. Mötets öppnande',
      '2. Val av två justerare',
      '3. Godkännande av dagordningen',
      '4. Föregående protokoll',
      '5. Förslag från stödgruppen: Verksamhetsplan – Verksamhetsplan 2027',
      '6. Förslag från stödgruppen: Budget – Budget 2027',
      '7. Uppföljning av beslut: Utvärdering och uppföljning (2026-04-22)',
      '8. Uppföljning av beslut: Utvärdering och uppföljning (2026-04-22)',
      '9. Ekonomisk lägesrapport',
      '10. Rapport från arbetsgruppen för tillsyn',
      '11. Nästa möte',
      '12. Övriga frågor',
      '13. Mötets avslutande',
    ]);
    expect(agenda.items[4]).toMatchObject({ proposalId: 'p-vp', details: 'Fokus på klimatanpassning och tillsyn.' });
    expect(agenda.items[6]).toMatchObject({
      decisionId: 'tidig',
      overdue: true,
      note: 'Försenad: skulle vara klar 2026-09-30. Status: Pågår.',
    });
    expect(agenda.items[7]).toMatchObject({
      decisionId: 'sent',
      overdue: false,
      note: 'Ska vara klar 2026-12-01. Status: Ej påbörjad.',
    });
    expect(agenda).toMatchObject({
      meetingId: 'm-host-2026',
      groupLabel: 'Samverkansgruppen',
      location: 'Regionens hus, Umeå',
    });
  });

  it('gives stödgruppen no justerare and no economy item, and notes a follow-up without due date', () => {
    const agenda = buildAgenda({ meeting: stod, openProposals: [budget], followUps: [decision('utan', undefined)] });
    expect(agenda.items.map((item) => item.kind)).toEqual([
      'oppnande',
      'dagordning',
      'foregaende_protokoll',
      'forslag',
      'uppfoljning',
      'nasta_mote',
      'ovriga_fragor',
      'avslutande',
    ]);
    expect(agenda.items[2]?.title).toBe('Föregående minnesanteckningar');
    expect(agenda.items[3]?.title).toBe('Beredning av förslag till samverkansgruppen: Budget – Budget 2027');
    expect(agenda.items[4]?.note).toBe('Status: Ej påbörjad.');
  });

  it("lists a spring meeting's activities of its own season, not December's", () => {
    const spring = { ...host, id: 'm-var-2027', title: 'Vårmöte', date: '2027-04-20' };
    const activity = (id: string, date: string) =>
      createProposal({ id, kind: 'aktiviteter_kalendarium', title: `Aktivitet ${id}`, text: 'x', date });
    const agenda = buildAgenda({
      meeting: spring,
      openProposals: [
        activity('dec', '2026-12-03'),
        activity('maj', '2027-05-12'),
        activity('sep', '2027-09-10'),
        plan,
      ],
    });
    const titles = agenda.items.filter((i) => i.kind === 'forslag').map((i) => i.proposalId);
    expect(titles).toEqual(['p-vp', 'maj']);
    const autumn = buildAgenda({
      meeting: host,
      openProposals: [activity('dec', '2026-12-03'), activity('maj', '2027-05-12')],
    });
    expect(autumn.items.filter((i) => i.kind === 'forslag').map((i) => i.proposalId)).toEqual(['dec']);
  });

  it('says "Försenad" only once the due date has passed on the day the dagordning is written', () => {
    const followUps = [decision('snart', '2026-09-30', 'pagar'), decision('sen', '2026-09-01', 'pagar')];
    const sentEarly = buildAgenda({ meeting: host, followUps, asOf: '2026-09-15' });
    const notes = sentEarly.items.filter((i) => i.kind === 'uppfoljning').map((i) => [i.decisionId, i.overdue, i.note]);
    expect(notes).toEqual([
      ['sen', true, 'Försenad: skulle vara klar 2026-09-01. Status: Pågår.'],
      ['snart', false, 'Ska vara klar 2026-09-30. Status: Pågår.'],
    ]);
    const onDueDay = buildAgenda({ meeting: host, followUps: [decision('idag', '2026-09-15')], asOf: '2026-09-15' });
    expect(onDueDay.items.find((i) => i.decisionId === 'idag')?.overdue).toBe(false);
  });

  it('ends with "Nästa möte": the date when known, else the next season\'s window', () => {
    const next = (agenda: ReturnType<typeof buildAgenda>) => agenda.items.find((i) => i.kind === 'nasta_mote');
    expect(next(buildAgenda({ meeting: host }))).toMatchObject({
      title: 'Nästa möte',
      details: 'Våren 2027 (april–maj); tid bestäms.',
    });
    expect(next(buildAgenda({ meeting: { ...host, date: '2027-04-20' } }))?.details).toBe(
      'Hösten 2027 (september–oktober); tid bestäms.',
    );
    expect(next(buildAgenda({ meeting: host, nextMeeting: { date: '2027-04-20' } }))?.details).toBe(
      'tisdag 20 april 2027',
    );
    expect(next(buildAgenda({ meeting: stod }))?.details).toBe('Tid för nästa möte bestäms.');
    const kinds = buildAgenda({ meeting: host }).items.map((i) => i.kind);
    expect(kinds.slice(-3)).toEqual(['nasta_mote', 'ovriga_fragor', 'avslutande']);
  });

  it('refuses a cancelled meeting, bad documents, empty extra items and reversed times', () => {
    expect(() => buildAgenda({ meeting: cancelMeeting(host) })).toThrow(
      new DomainRuleError('MEETING_CANCELLED', 'Mötet är inställt; ingen dagordning kan skapas.'),
    );
    expect(
      messages(() => buildAgenda({ meeting: host, documents: [{ title: 'Budget', url: 'http://x.se/a' }] })),
    ).toEqual(['Länken till handlingen måste vara en https-adress.']);
    expect(messages(() => buildAgenda({ meeting: host, extraItems: ['  '] }))).toEqual([
      'En extra punkt får inte vara tom.',
    ]);
    expect(() => buildAgenda({ meeting: { ...host, endTime: '08:00' } })).toThrow('Mötets sluttid ligger före');
    expect(messages(() => buildAgenda({ meeting: { ...host, group: 'styrelse' as 'stodgrupp' } }))).toEqual([
      'Okänd mötesgrupp: styrelse.',
    ]);
  });

  it('does not mutate its inputs', () => {
    const followUps = [decision('b', '2026-12-01'), decision('a', '2026-09-01')];
    const proposals = [budget, plan];
    buildAgenda({ meeting: host, openProposals: proposals, followUps });
    expect(followUps.map((d) => d.id)).toEqual(['b', 'a']);
    expect(proposals.map((p) => p.id)).toEqual(['p-budget', 'p-vp']);
  });
});

describe('agenda rendering', () => {
  const agenda = buildAgenda({
    meeting: { ...host, title: 'Höstmöte <extra> & "viktigt"' },
    openProposals: [{ ...budget, text: 'Budget <script>alert(1)</script>' }],
    followUps: [decision('tidig', '2026-09-30')],
    documents: [{ title: 'Budgetförslag 2027', url: 'https://region.sharepoint.com/sites/pob/Budget.pdf?a=1&b=2' }],
  });

  it('renders escaped, semantic HTML in Swedish', () => {
    const html = agendaToHtml(agenda);
    expect(html).toContain('<section lang="sv">');
    expect(html).toContain('<h2>Dagordning – Höstmöte &lt;extra&gt; &amp; &quot;viktigt&quot;</h2>');
    expect(html).toContain('<p>Samverkansgruppen, måndag 26 oktober 2026 kl. 09:00–12:00, Regionens hus, Umeå</p>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<li value="1">Mötets öppnande</li>');
    expect(html).toContain('<p>Budget &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<p><strong>Försenad: skulle vara klar 2026-09-30. Status: Ej påbörjad.</strong></p>');
    expect(html).toContain(
      '<li><a href="https://region.sharepoint.com/sites/pob/Budget.pdf?a=1&amp;b=2">Budgetförslag 2027</a></li>',
    );
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });

  it('renders plain text for the invitation body', () => {
    const text = agendaToText(agenda);
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Dagordning – Höstmöte <extra> & "viktigt"',
      'Samverkansgruppen, måndag 26 oktober 2026 kl. 09:00–12:00, Regionens hus, Umeå',
      '',
      '1. Mötets öppnande',
      '2. Val av två justerare',
      '3. Godkännande av dagordningen',
    ]);
    expect(text).toContain('5. Förslag från stödgruppen: Budget – Budget 2027\n   Budget <script>alert(1)</script>');
    expect(text).toContain('   Försenad: skulle vara klar 2026-09-30. Status: Ej påbörjad.');
    expect(
      text.endsWith('Handlingar:\n- Budgetförslag 2027: https://region.sharepoint.com/sites/pob/Budget.pdf?a=1&b=2'),
    ).toBe(true);
    expect(agendaToText(buildAgenda({ meeting: stod }))).not.toContain('Handlingar');
    expect(agendaToHtml(buildAgenda({ meeting: stod }))).not.toContain('Handlingar');
  });
});
