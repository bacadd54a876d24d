import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, within } from '@testing-library/react';
import { ConvenerLine } from '../../src/tab/meetings/convener/ConvenerLine';
import { TodoList } from '../../src/tab/overview/TodoList';
import { renderWithServices, stubApi } from './support';

const rhythm = (group: string, held: number, called: number, target: number, missingSeasons: string[]) => ({
  kind: 'yearRhythm',
  page: 'moten',
  group,
  year: 2026,
  held,
  called,
  target,
  missingSeasons,
});

describe("the year's rhythm in Att göra and who calls samverkansgruppen (#17)", () => {
  afterEach(cleanup);

  it('says in Swedish how far behind the year is, with a link to Möten', async () => {
    stubApi({
      '/api/todo': {
        items: [rhythm('samverkansgrupp', 1, 0, 2, ['host']), rhythm('stodgrupp', 2, 1, 6, [])],
        unavailable: [],
      },
    });
    renderWithServices(<TodoList />);
    const list = await screen.findByRole('list', { name: 'Att göra för dig' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Samverkansgruppen har haft 1 av minst 2 möten i år; höstmötet (september–oktober) saknas',
      'Stödgruppen har haft 2 av cirka 6 möten i år (1 till är kallat)',
    ]);
    expect(links[1]?.getAttribute('href')).toContain('moten');
  });

  it('in English too, both seasons missing', async () => {
    stubApi({ '/api/todo': { items: [rhythm('samverkansgrupp', 0, 0, 2, ['var', 'host'])], unavailable: [] } });
    renderWithServices(<TodoList />, { language: 'en' });
    const list = await screen.findByRole('list', { name: 'Waiting for you' });
    expect(within(list).getByRole('link').textContent).toBe(
      'The collaboration group has met 0 of at least 2 times this year; the spring and the autumn meeting are missing',
    );
  });

  it('the Möten page says who calls samverkansgruppen, as the server words it', async () => {
    stubApi({
      '/api/meetings/convener': {
        convener: {
          kind: 'utsedd',
          personId: '31',
          displayName: 'Erik Lundqvist',
          decisionId: '12',
          paragraph: 3,
          line: 'Kallas av Erik Lundqvist, utsedd sammankallande (beslut § 3)',
        },
      },
    });
    renderWithServices(<ConvenerLine />);
    expect((await screen.findByTestId('convener-line')).textContent).toBe(
      'Kallas av Erik Lundqvist, utsedd sammankallande (beslut § 3)',
    );
  });
});
