import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DecisionsPage } from '../../src/tab/pages/Decisions';
import {
  COORDINATOR_ACTIONS,
  ERIK,
  KARIN,
  MARIA,
  ORGANISATIONS,
  PEOPLE,
  meFor,
  renderWithServices,
  stubApi,
  enterDateOrTime,
} from './support';

const RECORDED = {
  id: '11',
  etag: '"d,1"',
  title: 'Tillsynsprojekt strandskydd',
  meetingId: '7',
  kind: 'delegering',
  text: 'Stödgruppen får i uppdrag att planera tillsynsprojektet.',
  decidedOn: '2026-09-30',
  followUp: 'ej_paborjad',
  followUpDue: '2026-12-01',
};

const MEETINGS = {
  meetings: [
    {
      id: '6',
      title: 'Samverkansgruppen vår',
      group: 'samverkansgrupp',
      start: '2026-04-22T07:00:00Z',
      end: null,
      status: 'genomfort',
    },
    {
      id: '7',
      title: 'Samverkansgruppen höst',
      group: 'samverkansgrupp',
      start: '2026-09-30T07:00:00Z',
      end: null,
      status: 'genomfort',
    },
    {
      id: '8',
      title: 'Stödgruppen september',
      group: 'stodgrupp',
      start: '2026-09-01T07:00:00Z',
      end: null,
      status: 'genomfort',
    },
  ],
};

/** The coordinator records decisions in a dialog opened from the page's button. */
async function openRecordDialog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Registrera beslut' }));
  return screen.findByRole('dialog', { name: 'Registrera beslut', hidden: true });
}

describe('Beslut page: recording a decision', () => {
  afterEach(cleanup);

  it('is not offered to a member', async () => {
    stubApi({
      '/api/decisions': { decisions: [] },
      '/api/meetings': MEETINGS,
      '/api/decisions/open-proposals': { proposals: [] },
    });
    renderWithServices(<DecisionsPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    await screen.findByText('Inga beslut ännu.');
    expect(screen.getByText('Samverkansgruppens beslut visas här när samordnaren har registrerat dem.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Registrera beslut' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrera beslut' })).toBeNull();
  });

  it('lets the coordinator record a decision at a samverkansgrupp meeting, and the register shows it', async () => {
    let decisions: object[] = [];
    const requests = stubApi({
      '/api/decisions': () => ({ body: { decisions } }),
      '/api/meetings': MEETINGS,
      '/api/decisions/open-proposals': { proposals: [] },
      'POST /api/decisions': () => {
        decisions = [RECORDED];
        return { status: 201, body: { decision: RECORDED } };
      },
    });
    renderWithServices(<DecisionsPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    const section = await openRecordDialog();
    const meeting = within(section).getByRole('combobox', { hidden: true, name: /Möte där beslutet fattades/ });
    expect(
      within(meeting)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual(['Samverkansgruppen vår', 'Samverkansgruppen höst', 'Per capsulam (utan möte)']);
    expect((meeting as HTMLSelectElement).value).toBe('7');
    fireEvent.change(within(section).getByRole('combobox', { hidden: true, name: /Beslutstyp/ }), {
      target: { value: 'delegering' },
    });
    fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: 'Rubrik' }), {
      target: { value: 'Tillsynsprojekt strandskydd' },
    });
    fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: /Beslutstext/ }), {
      target: { value: 'Stödgruppen får i uppdrag att planera tillsynsprojektet.' },
    });
    fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: 'Ansvarig (e-post)' }), {
      target: { value: 'anna.sjoberg@skelleftea.se' },
    });
    enterDateOrTime(within(section).getByLabelText('Följs upp senast'), '2026-12-01');
    fireEvent.click(within(section).getByRole('button', { hidden: true, name: 'Registrera beslutet' }));
    expect(await within(section).findByText('Beslutet ”Tillsynsprojekt strandskydd” är registrerat.')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(post.body ?? '{}')).toEqual({
      meetingId: '7',
      kind: 'delegering',
      title: 'Tillsynsprojekt strandskydd',
      text: 'Stödgruppen får i uppdrag att planera tillsynsprojektet.',
      ownerEmail: 'anna.sjoberg@skelleftea.se',
      followUpDue: '2026-12-01',
    });
    expect(
      (within(section).getByRole('textbox', { hidden: true, name: /Beslutstext/ }) as HTMLTextAreaElement).value,
    ).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(meeting));
    // The dialog stays open for the next decision; closed, the register behind it shows the new one.
    fireEvent.click(within(section).getByRole('button', { hidden: true, name: 'Stäng' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    const table = await screen.findByRole('table', { name: 'Beslut', hidden: true });
    const row = within(table).getByText('Tillsynsprojekt strandskydd').closest('tr') as HTMLElement;
    expect(within(row).getByText('Delegering av uppdrag')).toBeTruthy();
  });

  it('never offers or preselects a meeting still ahead; with none held it records per capsulam with a date', async () => {
    const ahead = {
      id: '9',
      title: 'Samverkansgruppen vår 2030',
      group: 'samverkansgrupp',
      start: '2030-04-24T07:00:00Z',
      end: null,
      status: 'planerat',
    };
    const cancelled = { ...ahead, id: '10', title: 'Inställt möte', start: '2026-05-20T07:00:00Z', status: 'installt' };
    const requests = stubApi({
      '/api/decisions': { decisions: [] },
      '/api/meetings': { meetings: [ahead, cancelled] },
      '/api/decisions/open-proposals': { proposals: [] },
      'POST /api/decisions': () => ({
        status: 201,
        body: { decision: { ...RECORDED, meetingId: 'per-capsulam', decidedOn: '2026-06-12', paragraph: 4 } },
      }),
    });
    renderWithServices(<DecisionsPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    const section = await openRecordDialog();
    expect(within(section).getByText(/Inget möte för samverkansgruppen har hållits ännu/)).toBeTruthy();
    const meeting = within(section).getByRole('combobox', {
      hidden: true,
      name: /Möte där beslutet fattades/,
    }) as HTMLSelectElement;
    expect(
      within(meeting)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual(['Per capsulam (utan möte)']);
    expect(meeting.value).toBe('per-capsulam');
    enterDateOrTime(within(section).getByLabelText(/Beslutsdatum \(per capsulam\)/), '2026-06-12');
    fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: /Beslutstext/ }), {
      target: { value: 'Stödgruppen får i uppdrag att planera tillsynsprojektet.' },
    });
    fireEvent.click(within(section).getByRole('button', { hidden: true, name: 'Registrera beslutet' }));
    await within(section).findByText(/är registrerat/);
    const post = requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(post.body ?? '{}')).toMatchObject({ meetingId: 'per-capsulam', decidedOn: '2026-06-12' });
  });

  it('shows the server’s refusal and keeps what was typed', async () => {
    stubApi({
      '/api/decisions': { decisions: [] },
      '/api/meetings': MEETINGS,
      '/api/decisions/open-proposals': { proposals: [] },
      'POST /api/decisions': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION',
            message: 'Uppgifterna är inte giltiga.',
            issues: [{ path: ['text'], message: 'Beslutstexten får inte vara tom.' }],
          },
        },
      }),
    });
    renderWithServices(<DecisionsPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    const section = await openRecordDialog();
    fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: 'Rubrik' }), {
      target: { value: 'Utan text' },
    });
    fireEvent.click(within(section).getByRole('button', { hidden: true, name: 'Registrera beslutet' }));
    expect(await within(section).findByText('Beslutstexten får inte vara tom.')).toBeTruthy();
    expect((within(section).getByRole('textbox', { hidden: true, name: 'Rubrik' }) as HTMLInputElement).value).toBe(
      'Utan text',
    );
  });

  describe('what a kind asks for', () => {
    const LEFT = {
      ...ERIK,
      id: 'b2c1c7e0-0000-4000-8000-000000000009',
      displayName: 'Olle Slutat',
      deactivatedOn: '2026-06-01',
    };
    const routes = (onPost: (body: Record<string, unknown>) => void) => ({
      '/api/decisions': { decisions: [] },
      '/api/meetings': MEETINGS,
      '/api/decisions/open-proposals': { proposals: [] },
      '/api/people': { people: [...PEOPLE, LEFT] },
      '/api/organisations': { organisations: ORGANISATIONS },
      'POST /api/decisions': (request: { body?: string }) => {
        const body = JSON.parse(request.body ?? '{}') as Record<string, unknown>;
        onPost(body);
        return { status: 201, body: { decision: { ...RECORDED, kind: body.kind, title: 'Beslutet' } } };
      },
    });
    const openForm = async () => {
      renderWithServices(<DecisionsPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
      const section = await openRecordDialog();
      const setKind = (kind: string) =>
        fireEvent.change(within(section).getByRole('combobox', { hidden: true, name: /Beslutstyp/ }), {
          target: { value: kind },
        });
      fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: /Beslutstext/ }), {
        target: { value: 'Samverkansgruppen beslutar enligt förslaget.' },
      });
      return { section, setKind };
    };

    it('asks only a sammankallande for a person and an end date, and only an exception for kommuner and a ceiling', async () => {
      stubApi(routes(() => undefined));
      const { section, setKind } = await openForm();
      expect(within(section).queryByRole('combobox', { hidden: true, name: /Person som utses/ })).toBeNull();
      expect(within(section).queryByRole('group', { hidden: true, name: 'Kommuner som undantaget gäller' })).toBeNull();
      setKind('sammankallande');
      expect(within(section).getByRole('combobox', { hidden: true, name: /Person som utses/ })).toBeTruthy();
      expect(within(section).getByLabelText('Gäller till och med (valfritt)')).toBeTruthy();
      expect(within(section).queryByRole('group', { hidden: true, name: 'Kommuner som undantaget gäller' })).toBeNull();
      setKind('kostnadsundantag');
      expect(within(section).queryByRole('combobox', { hidden: true, name: /Person som utses/ })).toBeNull();
      expect(within(section).getByRole('group', { hidden: true, name: 'Kommuner som undantaget gäller' })).toBeTruthy();
      expect(within(section).getByRole('textbox', { hidden: true, name: 'Takbelopp i kr (valfritt)' })).toBeTruthy();
    });

    it('appoints a sammankallande chosen by name and organisation among active people, with an end date', async () => {
      let posted: Record<string, unknown> | undefined;
      stubApi(routes((body) => (posted = body)));
      const { section, setKind } = await openForm();
      setKind('sammankallande');
      const person = within(section).getByRole('combobox', {
        hidden: true,
        name: /Person som utses/,
      }) as HTMLSelectElement;
      await waitFor(() => expect(within(person).getAllByRole('option', { hidden: true }).length).toBeGreaterThan(1));
      expect(
        within(person)
          .getAllByRole('option', { hidden: true })
          .map((o) => o.textContent),
      ).toEqual([
        'Välj person',
        'Erik Lundqvist (Umeå kommun)',
        'Karin Nordström (Region Västerbotten)',
        'Maria Bergström (Umeå kommun)',
      ]);
      // No internal id on screen.
      expect(section.textContent).not.toContain(MARIA.id);
      fireEvent.change(person, { target: { value: MARIA.id } });
      enterDateOrTime(within(section).getByLabelText('Gäller till och med (valfritt)'), '2027-06-30');
      fireEvent.click(within(section).getByRole('button', { hidden: true, name: 'Registrera beslutet' }));
      await within(section).findByText(/är registrerat/);
      expect(posted).toEqual({
        meetingId: '7',
        kind: 'sammankallande',
        text: 'Samverkansgruppen beslutar enligt förslaget.',
        personId: MARIA.id,
        validUntil: '2027-06-30',
      });
    });

    it('records an exception for the kommuner ticked by name, with its ceiling in öre', async () => {
      let posted: Record<string, unknown> | undefined;
      stubApi(routes((body) => (posted = body)));
      const { section, setKind } = await openForm();
      setKind('kostnadsundantag');
      const group = within(section).getByRole('group', { hidden: true, name: 'Kommuner som undantaget gäller' });
      await within(group).findByRole('checkbox', { hidden: true, name: 'Åsele kommun' });
      expect(
        within(group)
          .getAllByRole('checkbox', { hidden: true })
          .map((box) => box.closest('div')?.textContent),
      ).toEqual(['Umeå kommun', 'Åsele kommun']);
      fireEvent.click(within(group).getByRole('checkbox', { hidden: true, name: 'Åsele kommun' }));
      fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: 'Takbelopp i kr (valfritt)' }), {
        target: { value: '25 000' },
      });
      fireEvent.click(within(section).getByRole('button', { hidden: true, name: 'Registrera beslutet' }));
      await within(section).findByText(/är registrerat/);
      expect(posted).toEqual({
        meetingId: '7',
        kind: 'kostnadsundantag',
        text: 'Samverkansgruppen beslutar enligt förslaget.',
        organisationIds: ['asele'],
        ceilingOre: 25_000_00,
      });
    });

    it('refuses a ceiling that is not an amount, in Swedish, and sends nothing', async () => {
      const requests = stubApi(routes(() => undefined));
      const { section, setKind } = await openForm();
      setKind('kostnadsundantag');
      fireEvent.click(await within(section).findByRole('checkbox', { hidden: true, name: 'Umeå kommun' }));
      fireEvent.change(within(section).getByRole('textbox', { hidden: true, name: 'Takbelopp i kr (valfritt)' }), {
        target: { value: 'tjugo tusen' },
      });
      fireEvent.click(within(section).getByRole('button', { hidden: true, name: 'Registrera beslutet' }));
      expect(await within(section).findByText(/Ogiltigt belopp/)).toBeTruthy();
      expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    });
  });
});
