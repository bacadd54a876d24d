import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayInStockholm } from '../../src/tab/format';
import { ActivitiesPage } from '../../src/tab/pages/Activities';
import { COORDINATOR_ACTIONS, KARIN, ORGANISATIONS, meFor, renderWithServices, stubApi } from './support';

const YEAR = Number(todayInStockholm().slice(0, 4));

function activity(id: string, title: string, status = 'beslutad') {
  return {
    id,
    etag: `"a${id},1"`,
    title,
    area: 'kompetensutveckling',
    targetGroups: ['kommuner'],
    startDate: `${YEAR}-10-06`,
    endDate: `${YEAR}-10-06`,
    year: YEAR,
    responsibleOrganisationId: 'umea',
    budgetedCostOre: 0,
    participantFeeOre: 0,
    status,
  };
}
const COURSE = activity('1', 'Brandskydd i detaljplan');
const VISIT = activity('2', 'Studieresa till Luleå');

const PLAN = {
  id: '5',
  etag: '"p,1"',
  year: YEAR,
  status: 'forslag',
  priorities: ['Kortare handläggningstider', 'Digital detaljplan'],
  goals: [
    { id: 'g1', text: 'Alla kommuner har tillgång till utbildning', activityIds: ['1'] },
    { id: 'g2', text: 'Erfarenhetsutbyte mellan länen', activityIds: [] },
  ],
};

const COVERAGE = {
  year: YEAR,
  goals: [
    { goalId: 'g1', text: PLAN.goals[0]!.text, activities: [COURSE], unknownActivityIds: [], covered: true },
    {
      goalId: 'g2',
      text: PLAN.goals[1]!.text,
      activities: [],
      unknownActivityIds: [],
      covered: false,
      message: 'Målet ”Erfarenhetsutbyte mellan länen” saknar aktiviteter.',
    },
  ],
  goalsWithoutActivities: [],
  activitiesOutsidePlan: [VISIT],
  coveredGoals: 1,
  totalGoals: 2,
};

const MEETINGS = {
  meetings: [
    {
      id: '6',
      title: 'Samverkansgruppen vår',
      group: 'samverkansgrupp',
      start: `${YEAR - 1}-04-22T07:00:00Z`,
      end: null,
      status: 'genomfort',
    },
    {
      id: '7',
      title: 'Samverkansgruppen höst',
      group: 'samverkansgrupp',
      start: `${YEAR - 1}-09-30T07:00:00Z`,
      end: null,
      status: 'planerat',
    },
    {
      id: '8',
      title: 'Stödgruppen',
      group: 'stodgrupp',
      start: `${YEAR - 1}-09-01T07:00:00Z`,
      end: null,
      status: 'planerat',
    },
  ],
};

function routes(plan: () => object) {
  return {
    [`/api/activities?year=${YEAR}`]: { activities: [COURSE, VISIT] },
    '/api/meetings': MEETINGS,
    '/api/decisions': { decisions: [] },
    '/api/organisations': { organisations: ORGANISATIONS },
    [`/api/operating-plan/${YEAR}`]: () => ({ body: plan() }),
  };
}

const ANNA = meFor(
  { ...KARIN, id: 'anna', displayName: 'Anna Sjöberg', email: 'anna.sjoberg@skelleftea.se', roles: ['stodgrupp'] },
  'Skellefteå kommun',
  ['report.read', 'proposal.create', 'activity.propose'],
);

/** The Verksamhetsplan view (a tab of its own on the page) and its section. */
async function planSection() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Verksamhetsplan' }));
  const heading = await screen.findByRole('heading', { level: 2, name: `Verksamhetsplan ${YEAR}` });
  return heading.closest('section') as HTMLElement;
}

describe('Verksamhetsplan on the Aktiviteter page', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '#/aktiviteter');
  });

  it('shows the proposed plan: status, priorities, goals with their activities and a goal without any flagged', async () => {
    stubApi(routes(() => ({ plan: PLAN, coverage: COVERAGE, today: `${YEAR}-05-01` })));
    renderWithServices(<ActivitiesPage me={meFor(KARIN, 'Region Västerbotten', ['report.read'])} />);
    const section = await planSection();
    await within(section).findByText('Status: Förslag');
    const priorities = within(section).getByRole('list', { name: 'Prioriteringar' });
    expect(
      within(priorities)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(PLAN.priorities);
    expect(within(section).getByText('1 av 2 mål har aktiviteter.')).toBeTruthy();
    const linked = within(section).getByRole('list', {
      name: 'Aktiviteter för målet: Alla kommuner har tillgång till utbildning',
    });
    expect(within(linked).getByText('Brandskydd i detaljplan')).toBeTruthy();
    const uncovered = within(section).getByTestId('plan-goal-g2');
    expect(within(uncovered).getByText('Saknar aktiviteter')).toBeTruthy();
    // Reading only: no editing, no decision.
    expect(within(section).queryByRole('button', { name: 'Ändra förslaget' })).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Registrera beslutet' })).toBeNull();
  });

  it('speaks English when the user reads the tab in English', async () => {
    stubApi(routes(() => ({ plan: PLAN, coverage: COVERAGE })));
    renderWithServices(<ActivitiesPage me={ANNA} />, { language: 'en' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Operational plan' }));
    const heading = await screen.findByRole('heading', { level: 2, name: `Operational plan ${YEAR}` });
    const section = heading.closest('section') as HTMLElement;
    await within(section).findByText('Status: Proposed');
    expect(within(section).getByText('1 of 2 goals have activities.')).toBeTruthy();
    expect(within(section).getByText('Has no activities')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Edit the proposal' })).toBeTruthy();
  });

  it('lets a stödgrupp member edit the proposal and link an activity, sending the ETag; a 409 shows the newer version and overwrites nothing', async () => {
    const NEWER = { ...PLAN, etag: '"p,2"', priorities: ['Ny prioritering från Karin'] };
    let puts = 0;
    const requests = stubApi({
      ...routes(() => ({ plan: puts >= 2 ? { ...PLAN, etag: '"p,3"' } : PLAN, coverage: COVERAGE })),
      [`PUT /api/operating-plan/${YEAR}`]: () => {
        puts += 1;
        return puts === 1
          ? {
              status: 409,
              body: { error: { code: 'CONFLICT', message: 'Någon annan har ändrat uppgifterna.', current: NEWER } },
            }
          : { body: { plan: { ...PLAN, etag: '"p,3"' } } };
      },
    });
    renderWithServices(<ActivitiesPage me={ANNA} />);
    const section = await planSection();
    fireEvent.click(await within(section).findByRole('button', { name: 'Ändra förslaget' }));
    const editor = within(section).getByRole('form', { name: `Förslag till verksamhetsplan ${YEAR}` });
    const priorities = within(editor).getByRole('textbox', { name: /Prioriteringar/ });
    expect((priorities as HTMLTextAreaElement).value).toBe('Kortare handläggningstider\nDigital detaljplan');
    fireEvent.change(priorities, { target: { value: 'Kortare handläggningstider\nDigital detaljplan\nTillsyn' } });
    const goal2 = within(editor).getByRole('group', { name: 'Kopplade aktiviteter, Mål 2' });
    fireEvent.click(within(goal2).getByRole('checkbox', { name: 'Studieresa till Luleå' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Spara förslaget' }));

    expect(await within(section).findByText('Någon annan har ändrat uppgifterna.')).toBeTruthy();
    const newer = within(section).getByTestId('plan-newer');
    expect(within(newer).getByText('Ny prioritering från Karin')).toBeTruthy();
    // The user's edit is still in the form; nothing was written.
    expect((within(editor).getByRole('textbox', { name: /Prioriteringar/ }) as HTMLTextAreaElement).value).toContain(
      'Tillsyn',
    );
    const first = requests.find((r) => r.method === 'PUT')!;
    expect(first.headers.get('if-match')).toBe('"p,1"');
    expect(JSON.parse(first.body ?? '{}')).toEqual({
      priorities: ['Kortare handläggningstider', 'Digital detaljplan', 'Tillsyn'],
      goals: [
        { id: 'g1', text: 'Alla kommuner har tillgång till utbildning', activityIds: ['1'] },
        { id: 'g2', text: 'Erfarenhetsutbyte mellan länen', activityIds: ['2'] },
      ],
    });

    // Starting from the newer version takes its ETag and contents.
    fireEvent.click(within(newer).getByRole('button', { name: 'Utgå från den nyare versionen' }));
    expect((within(editor).getByRole('textbox', { name: /Prioriteringar/ }) as HTMLTextAreaElement).value).toBe(
      'Ny prioritering från Karin',
    );
    fireEvent.click(within(editor).getByRole('button', { name: 'Spara förslaget' }));
    expect(await within(section).findByText(`Förslaget till verksamhetsplan ${YEAR} är sparat.`)).toBeTruthy();
    const puts2 = requests.filter((r) => r.method === 'PUT');
    expect(puts2).toHaveLength(2);
    expect(puts2[1]!.headers.get('if-match')).toBe('"p,2"');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(section).getByRole('heading', { name: `Verksamhetsplan ${YEAR}` })),
    );
    expect(within(section).queryByRole('form')).toBeNull();
  });

  it('proposes the first plan of a year without If-Match', async () => {
    let saved = false;
    const requests = stubApi({
      ...routes(() =>
        saved ? { plan: { ...PLAN, goals: [PLAN.goals[1]] }, coverage: null } : { plan: null, coverage: null },
      ),
      [`PUT /api/operating-plan/${YEAR}`]: () => {
        saved = true;
        return { body: { plan: PLAN } };
      },
    });
    renderWithServices(<ActivitiesPage me={ANNA} />);
    const section = await planSection();
    await within(section).findByText(`Det finns ingen verksamhetsplan för ${YEAR} ännu.`);
    fireEvent.click(within(section).getByRole('button', { name: 'Föreslå verksamhetsplan' }));
    fireEvent.change(within(section).getByRole('textbox', { name: /Målets text/ }), {
      target: { value: 'Erfarenhetsutbyte mellan länen' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Spara förslaget' }));
    await within(section).findByText(`Förslaget till verksamhetsplan ${YEAR} är sparat.`);
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.headers.get('if-match')).toBeNull();
    expect(JSON.parse(put.body ?? '{}')).toEqual({
      priorities: [],
      goals: [{ text: 'Erfarenhetsutbyte mellan länen', activityIds: [] }],
    });
  });

  it('lets the coordinator record samverkansgruppen’s decision at a chosen meeting, with the ETag read', async () => {
    let decided = false;
    const requests = stubApi({
      ...routes(() => ({
        plan: decided ? { ...PLAN, status: 'beslutad', decisionId: '9' } : PLAN,
        coverage: COVERAGE,
      })),
      [`POST /api/operating-plan/${YEAR}/decision`]: () => {
        decided = true;
        return { body: { plan: { ...PLAN, etag: '"p,2"', status: 'beslutad', decisionId: '9' } } };
      },
    });
    renderWithServices(<ActivitiesPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    const section = await planSection();
    const group = await within(section).findByRole('group', { name: 'Registrera beslut om verksamhetsplanen' });
    const meeting = within(group).getByRole('combobox', { name: 'Samverkansgruppens möte' });
    expect(
      within(meeting)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Samverkansgruppen vår', 'Samverkansgruppen höst']);
    fireEvent.change(meeting, { target: { value: '6' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Registrera beslutet' }));
    expect(await within(section).findByText(`Verksamhetsplanen för ${YEAR} är beslutad.`)).toBeTruthy();
    await within(section).findByText('Status: Beslutad');
    expect(within(section).getByText('Planen är beslutad och kan inte längre ändras.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Ändra förslaget' })).toBeNull();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('if-match')).toBe('"p,1"');
    expect(JSON.parse(post.body ?? '{}')).toEqual({ meetingId: '6' });
  });
});
