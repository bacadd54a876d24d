import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { BudgetVersions } from '../../src/tab/budget/BudgetVersions';
import { renderWithServices, stubApi } from './support';

const MESSAGE = 'Det finns redan ett förslag till budget för 2027 (version 1) som väntar på beslut.';

describe('Budget: proposing a version', () => {
  afterEach(cleanup);

  it('a 409 (another samordnare proposed first, #15) shows their proposal’s message and reads the versions again', async () => {
    const requests = stubApi({
      'POST /api/budget/versions': () => ({
        status: 409,
        body: {
          error: {
            code: 'CONFLICT',
            message: MESSAGE,
            requestId: 'test',
            current: { id: '1', etag: '"a,1"', year: 2027, version: 1, status: 'forslag' },
          },
        },
      }),
    });
    let reloads = 0;
    renderWithServices(
      <BudgetVersions
        year={2027}
        report={{ versions: [] }}
        canPropose
        onProposed={() => {
          reloads += 1;
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lägg fram förslag till budget' }));
    expect(await screen.findByText(MESSAGE)).toBeTruthy();
    await waitFor(() => expect(reloads).toBe(1));
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.get('idempotency-key')).toBeTruthy();
  });
});
