import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { monthWeeks } from '../../src/tab/activities/Kalendarium';
import { todayInStockholm } from '../../src/tab/format';
import { ActivitiesPage } from '../../src/tab/pages/Activities';
import { COORDINATOR_ACTIONS, ERIK, KARIN, ORGANISATIONS, meFor, renderWithServices, stubApi } from './support';

const YEAR = Number(todayInStockholm().slice(0, 4));
// Samverkansgruppen's meeting began a minute ago: only a meeting that has started is offered for a decision (#17).
const MEETING_START = new Date(Date.now() - 60_000);
const MEETING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(MEETING_START);

const PROPOSED = {
  id: '1',
  etag: '"a,1"',
  title: 'Brandskydd i detaljplan',
  area: 'kompetensutveckling',
  targetGroups: ['kommuner'],
  startDate: `${YEAR}-10-06`,
  endDate: `${YEAR}-10-06`,
  year: YEAR,
  responsibleOrganisationId: 'umea',
  budgetedCostOre: 0,
  participantFeeOre: 0,
  status: 'forslag',
};

const MEETINGS = {
  meetings: [
    {
      id: '7',
      title: 'Samverkansgruppen höst',
      group: 'samverkansgrupp',
      start: MEETING_START.toISOString(),
      end: null,
      status: 'planerat',
    },
  ],
};

function routes(activity: object) {
  return {
    [`/api/activities?year=${YEAR}`]: () => ({ body: { activities: [activity] } }),
    '/api/meetings': MEETINGS,
    '/api/decisions': { decisions: [] },
    '/api/organisations': { organisations: ORGANISATIONS },
  };
}

describe('Aktiviteter page', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '#/aktiviteter');
  });

  it('lays a month out in ISO weeks, Monday first', () => {
    const weeks = monthWeeks(2026, 10);
    expect(weeks[0]).toMatchObject({ week: 40, days: expect.arrayContaining([{ iso: '2026-10-01', inMonth: true }]) });
    expect(weeks[0]!.days[0]).toEqual({ iso: '2026-09-28', inMonth: false });
    expect(weeks.map((w) => w.week)).toEqual([40, 41, 42, 43, 44]);
  });

  it('shows the plan as a table with week numbers, as a kalendarium and as an årshjul with a text alternative', async () => {
    stubApi(routes(PROPOSED));
    renderWithServices(<ActivitiesPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    const table = await screen.findByRole('table', { name: 'Aktiviteter' });
    const row = within(table).getByText('Brandskydd i detaljplan').closest('tr') as HTMLElement;
    expect(within(row).getByText(/v\. 41/)).toBeTruthy();
    expect(within(row).getByText('Förslag')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Registrera beslut/ })).toBeNull();

    // The views are tabs, the choice kept in the address.
    fireEvent.click(screen.getByRole('tab', { name: 'Kalendarium' }));
    expect(window.location.hash).toBe('#/aktiviteter/kalendarium');
    const cal = await screen.findByTestId('kalendarium');
    const weekRow = within(cal).getByRole('rowheader', { name: 'v. 41' }).closest('tr') as HTMLElement;
    expect(within(weekRow).getByText('Brandskydd i detaljplan')).toBeTruthy();
    expect(screen.getByRole('heading', { name: `oktober ${YEAR}` })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Årshjul' }));
    expect(await screen.findByRole('img', { name: new RegExp(`Årshjul ${YEAR}`) })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Årshjulet som lista' });
    expect(within(list).getByText(`${YEAR}-10-06: Aktivitet – Brandskydd i detaljplan`)).toBeTruthy();
    expect(within(list).getByText(`${MEETING_DAY}: Möte – Samverkansgruppen höst`)).toBeTruthy();
  });

  it('lets the coordinator record the decision with the ETag read, and shows a conflict in words', async () => {
    let attempt = 0;
    const requests = stubApi({
      ...routes(PROPOSED),
      'POST /api/activities/1/decision': () => {
        attempt += 1;
        return attempt === 1
          ? {
              status: 409,
              body: { error: { code: 'CONFLICT', message: 'Någon annan har ändrat uppgifterna.', current: PROPOSED } },
            }
          : { body: { activity: { ...PROPOSED, status: 'beslutad', decisionId: '3' }, decisionId: '3' } };
      },
    });
    renderWithServices(
      <ActivitiesPage me={meFor(KARIN, 'Region Västerbotten', [...COORDINATOR_ACTIONS, 'activity.decide'])} />,
    );
    const decide = await screen.findByRole('button', { name: 'Registrera beslut: Brandskydd i detaljplan' });
    fireEvent.click(decide);
    expect(await screen.findByText('Någon annan har ändrat uppgifterna.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Registrera beslut: Brandskydd i detaljplan' }));
    expect(await screen.findByText('”Brandskydd i detaljplan” är beslutad och finns i kalendariet.')).toBeTruthy();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers.get('if-match')).toBe('"a,1"');
    expect(JSON.parse(posts[0]!.body ?? '{}')).toEqual({ meetingId: '7' });
  });

  it('says when the activity’s lines went into a revision because the year’s budget is already decided', async () => {
    stubApi({
      ...routes(PROPOSED),
      'POST /api/activities/1/decision': () => ({
        body: {
          activity: { ...PROPOSED, status: 'beslutad', decisionId: '3' },
          decisionId: '3',
          budget: { created: 2, updated: 0, revisionsOpened: [YEAR] },
        },
      }),
    });
    renderWithServices(
      <ActivitiesPage me={meFor(KARIN, 'Region Västerbotten', [...COORDINATOR_ACTIONS, 'activity.decide'])} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Registrera beslut: Brandskydd i detaljplan' }));
    expect(
      await screen.findByText(
        `”Brandskydd i detaljplan” är beslutad och finns i kalendariet. Budgeten för ${YEAR} är redan beslutad: ` +
          'aktivitetens rader ligger i ett förslag till revidering som samverkansgruppen beslutar.',
      ),
    ).toBeTruthy();
  });

  it('names each activity’s ämnestaggar and says after the event whether its participants are reported (#17)', async () => {
    const held = {
      ...PROPOSED,
      status: 'beslutad',
      decisionId: '3',
      startDate: `${YEAR - 1}-03-10`,
      endDate: `${YEAR - 1}-03-10`,
      tagIds: ['t1', 't2'],
    };
    const reported = {
      ...held,
      id: '2',
      title: 'Tillgänglighet i bygglov',
      tagIds: ['t2'],
      participants: {
        byOrganisation: { umea: 12 },
        byGender: { kvinnor: 7, man: 5, annat: 0 },
        reportedOn: `${YEAR - 1}-03-11`,
      },
    };
    stubApi({
      ...routes(held),
      [`/api/activities?year=${YEAR}`]: () => ({ body: { activities: [held, reported] } }),
      '/api/topic-tags': {
        tags: [
          { id: 't1', etag: '"1"', name: 'Brandsäkerhet' },
          { id: 't2', etag: '"1"', name: 'Tillgänglighet' },
        ],
      },
    });
    renderWithServices(
      <ActivitiesPage me={meFor(KARIN, 'Region Västerbotten', [...COORDINATOR_ACTIONS, 'activity.evaluate'])} />,
    );
    const table = await screen.findByRole('table', { name: 'Aktiviteter' });
    const waiting = (await within(table).findByText('Brandskydd i detaljplan')).closest('tr') as HTMLElement;
    expect(await within(waiting).findByText('Brandsäkerhet, Tillgänglighet')).toBeTruthy();
    expect(within(waiting).getByText('Väntar på rapport')).toBeTruthy();
    const done = within(table).getByText('Tillgänglighet i bygglov').closest('tr') as HTMLElement;
    expect(within(done).getByText('Deltagare rapporterade')).toBeTruthy();

    // Filtered by a tag: only the activities carrying it.
    fireEvent.change(screen.getByRole('combobox', { name: 'Ämne' }), { target: { value: 't1' } });
    expect(within(table).queryByText('Tillgänglighet i bygglov')).toBeNull();
    expect(within(table).getByText('Brandskydd i detaljplan')).toBeTruthy();

    // The evaluation opens in a dialog named after the activity.
    fireEvent.click(within(table).getByRole('button', { name: 'Utvärdera: Brandskydd i detaljplan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Utvärdering av Brandskydd i detaljplan' });
    expect(within(dialog).getByRole('button', { name: 'Spara utvärderingen' })).toBeTruthy();
  });

  it('proposes an activity in a dialog', async () => {
    const requests = stubApi({
      ...routes(PROPOSED),
      'POST /api/activities': () => ({
        status: 201,
        body: { activity: { ...PROPOSED, id: '9', title: 'Energikrav' } },
      }),
    });
    renderWithServices(
      <ActivitiesPage me={meFor(KARIN, 'Region Västerbotten', [...COORDINATOR_ACTIONS, 'activity.propose'])} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Föreslå en aktivitet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Föreslå en aktivitet' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Titel' }), { target: { value: 'Energikrav' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Skicka förslaget' }));
    expect(await screen.findByText('Förslaget ”Energikrav” är registrerat.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/activities'))).toHaveLength(1);
  });
});
