import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DomainValidationError } from '../../src/domain/errors';
import { ApiError } from '../../src/tab/api';
import { useState } from 'react';
import { ConfirmDialog } from '../../src/tab/ui/ConfirmDialog';
import { DataTable, type DataColumn } from '../../src/tab/ui/DataTable';
import { I18nProvider } from '../../src/tab/i18n';
import { SearchCombobox, type SearchOption } from '../../src/tab/ui/SearchCombobox';
import { byDate, byNumber, byText } from '../../src/tab/ui/sortBy';
import { asApiError } from '../../src/tab/ui/errors';
import { useAction } from '../../src/tab/ui/useAction';

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>);
}

interface Row {
  id: string;
  name: string;
  amount: number;
}
const ROWS: Row[] = [
  { id: 'a', name: 'Vännäs', amount: 300 },
  { id: 'b', name: 'Bjurholm', amount: 100 },
  { id: 'c', name: 'Umeå', amount: 200 },
];
const COLUMNS: DataColumn<Row>[] = [
  { id: 'name', header: 'Kommun', cell: (row) => row.name, compare: (a, b) => a.name.localeCompare(b.name, 'sv') },
  { id: 'amount', header: 'Belopp', cell: (row) => String(row.amount), compare: (a, b) => a.amount - b.amount },
  { id: 'note', header: 'Anteckning', cell: () => '–' },
];

function firstColumn(): string[] {
  const grid = screen.getByRole('table', { name: 'Medfinansiering' });
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '');
}

describe('DataTable', () => {
  it('sorts by a column when its header is pressed and says the order through aria-sort', () => {
    renderInFluent(
      <DataTable
        items={ROWS}
        columns={COLUMNS}
        getRowId={(row) => row.id}
        label="Medfinansiering"
        emptyMessage="Inga."
      />,
    );
    expect(firstColumn()).toEqual(['Vännäs', 'Bjurholm', 'Umeå']);
    const header = screen.getByRole('columnheader', { name: /Belopp/ });
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(firstColumn()).toEqual(['Bjurholm', 'Umeå', 'Vännäs']);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(firstColumn()).toEqual(['Vännäs', 'Umeå', 'Bjurholm']);
  });

  it('starts in the default order and leaves a column without compare unsortable', () => {
    renderInFluent(
      <DataTable
        items={ROWS}
        columns={COLUMNS}
        getRowId={(row) => row.id}
        label="Medfinansiering"
        emptyMessage="Inga."
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
      />,
    );
    expect(firstColumn()).toEqual(['Bjurholm', 'Umeå', 'Vännäs']);
    const note = screen.getByRole('columnheader', { name: 'Anteckning' });
    expect(within(note).queryByRole('button')).toBeNull();
    expect(note.getAttribute('aria-sort')).toBeNull();
  });

  it('says so in words when there is nothing to show', () => {
    renderInFluent(
      <DataTable
        items={[]}
        columns={COLUMNS}
        getRowId={(row) => row.id}
        label="Medfinansiering"
        emptyMessage="Inga rader."
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Inga rader.')).toBeTruthy();
  });
});

describe("DataTable sorting with the kit's orders (sortBy)", () => {
  interface Place {
    id: string;
    name: string;
    ore: number;
    day?: string;
  }
  const PLACES: Place[] = [
    { id: '1', name: 'Örnsköldsvik', ore: 2_000, day: '2026-10-06' },
    { id: '2', name: 'Åsele', ore: 100_000, day: '2026-04-22' },
    { id: '3', name: 'Ängelholm', ore: 30, day: undefined },
    { id: '4', name: 'Zinkgruvan', ore: 999, day: '2025-12-31' },
    { id: '5', name: 'arvidsjaur', ore: 1_000_000, day: '2026-01-15' },
  ];
  const PLACE_COLUMNS: DataColumn<Place>[] = [
    { id: 'name', header: 'Ort', cell: (p) => p.name, compare: byText((p) => p.name) },
    { id: 'ore', header: 'Belopp', cell: (p) => String(p.ore), compare: byNumber((p) => p.ore), numeric: true },
    { id: 'day', header: 'Datum', cell: (p) => p.day ?? '–', compare: byDate((p) => p.day) },
  ];
  const column = (index: number) =>
    within(screen.getByRole('table', { name: 'Orter' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[index]!.textContent ?? '');
  const sortBy = (name: string) =>
    fireEvent.click(within(screen.getByRole('columnheader', { name: new RegExp(name) })).getByRole('button'));
  const renderPlaces = () =>
    renderInFluent(
      <DataTable items={PLACES} columns={PLACE_COLUMNS} getRowId={(p) => p.id} label="Orter" emptyMessage="Inga." />,
    );

  it('sorts text in Swedish order: z before å, ä, ö, and case does not split the list', () => {
    renderPlaces();
    sortBy('Ort');
    expect(column(0)).toEqual(['arvidsjaur', 'Zinkgruvan', 'Åsele', 'Ängelholm', 'Örnsköldsvik']);
    sortBy('Ort');
    expect(column(0)).toEqual(['Örnsköldsvik', 'Ängelholm', 'Åsele', 'Zinkgruvan', 'arvidsjaur']);
  });

  it('sorts amounts by value, not as text (999 before 2 000 before 100 000)', () => {
    renderPlaces();
    sortBy('Belopp');
    expect(column(1)).toEqual(['30', '999', '2000', '100000', '1000000']);
  });

  it('sorts dates by day, a missing date first ascending', () => {
    renderPlaces();
    sortBy('Datum');
    expect(column(2)).toEqual(['–', '2025-12-31', '2026-01-15', '2026-04-22', '2026-10-06']);
  });

  it('says the order of the sorted column only: aria-sort none on the others, none on a plain column', () => {
    renderInFluent(
      <DataTable items={ROWS} columns={COLUMNS} getRowId={(row) => row.id} label="Medfinansiering" emptyMessage="x" />,
    );
    const name = screen.getByRole('columnheader', { name: /Kommun/ });
    const amount = screen.getByRole('columnheader', { name: /Belopp/ });
    expect([name, amount].map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'none']);
    fireEvent.click(within(name).getByRole('button'));
    expect([name, amount].map((h) => h.getAttribute('aria-sort'))).toEqual(['ascending', 'none']);
    fireEvent.click(within(amount).getByRole('button'));
    expect([name, amount].map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'ascending']);
    expect(screen.getByRole('columnheader', { name: 'Anteckning' }).getAttribute('aria-sort')).toBeNull();
  });
});

describe('ConfirmDialog', () => {
  function renderDialog(onConfirm = jest.fn(), onCancel = jest.fn()) {
    renderInFluent(
      <ConfirmDialog
        open
        title="Ställa in mötet?"
        consequence="Alla inbjudna får en avbokning. Det går inte att ångra."
        confirmLabel="Ställ in mötet"
        cancelLabel="Behåll mötet"
        destructive
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    );
    return { onConfirm, onCancel };
  }

  it('says what will happen and has the safe choice focused', async () => {
    renderDialog();
    const dialog = screen.getByRole('alertdialog', { name: 'Ställa in mötet?' });
    expect(dialog.textContent).toContain('Alla inbjudna får en avbokning. Det går inte att ångra.');
    const safe = within(dialog).getByRole('button', { name: 'Behåll mötet' });
    await waitFor(() => expect(document.activeElement).toBe(safe));
  });

  it('confirms only through the confirm button; cancel and Escape cancel', () => {
    const { onConfirm, onCancel } = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Behåll mötet' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('acts on a confirm only once the dialog has closed, and leaves the page visible to assistive technology', async () => {
    const onConfirm = jest.fn();
    function Harness() {
      const [open, setOpen] = useState(true);
      return (
        <>
          <p>Mötet</p>
          <ConfirmDialog
            open={open}
            title="Ställa in mötet?"
            consequence="Alla inbjudna får en avbokning."
            confirmLabel="Ställ in mötet"
            cancelLabel="Behåll mötet"
            onConfirm={onConfirm}
            onCancel={() => setOpen(false)}
          />
        </>
      );
    }
    renderInFluent(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Ställ in mötet' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText('Mötet').closest('[aria-hidden="true"]')).toBeNull();
  });
});

describe('useAction and asApiError', () => {
  it('keeps the message of an action that words its own result', async () => {
    const { result } = renderHook(() => useAction());
    let ok: boolean | undefined;
    await act(async () => {
      ok = await result.current.run(async () => 'Sparat.');
    });
    expect(ok).toBe(true);
    expect(result.current.state).toEqual({ status: 'done', message: 'Sparat.' });
  });

  it('returns the result of an action with a worded outcome, and undefined with the error when it fails', async () => {
    const { result } = renderHook(() => useAction());
    let value: number | undefined;
    await act(async () => {
      value = await result.current.run(
        async () => 3,
        (n) => `${n} skickade.`,
      );
    });
    expect(value).toBe(3);
    expect(result.current.state).toEqual({ status: 'done', message: '3 skickade.' });
    await act(async () => {
      value = await result.current.run(
        async () => {
          throw new ApiError('CONFLICT', 'Någon annan har ändrat.', 412);
        },
        (n: number) => `${n}`,
      );
    });
    expect(value).toBeUndefined();
    expect(result.current.state.status).toBe('error');
    act(() => result.current.reset());
    expect(result.current.state).toEqual({ status: 'idle' });
  });

  it('words every failure as an ApiError: the server’s own, a domain check, or one generic sentence', () => {
    const server = new ApiError('FORBIDDEN', 'Du saknar behörighet.', 403);
    expect(asApiError(server)).toBe(server);
    const local = asApiError(new DomainValidationError([{ path: 'amount', message: 'Högst två decimaler.' }]));
    expect([local.code, local.message]).toEqual(['VALIDATION', 'Högst två decimaler.']);
    const other = asApiError(new TypeError('x is undefined'));
    expect([other.code, other.message]).toEqual(['INTERNAL', 'Något gick fel. Försök igen om en stund.']);
  });
});

const PLACES: SearchOption[] = [
  { value: 'bjurholm', text: 'Bjurholms kommun', secondary: 'Västerbotten' },
  { value: 'umea', text: 'Umeå kommun' },
];

function SearchHarness() {
  const [value, setValue] = useState('');
  return (
    <>
      <SearchCombobox label="Kommun" options={PLACES} value={value} onChange={setValue} placeholder="Välj" />
      <output data-testid="chosen">{value}</output>
    </>
  );
}

describe('SearchCombobox', () => {
  it('filters on the text and the second line, shows the chosen text (never the value) and says when nothing matches', async () => {
    renderInFluent(
      <I18nProvider language="sv">
        <SearchHarness />
      </I18nProvider>,
    );
    const field = screen.getByRole('combobox', { name: 'Kommun' }) as HTMLInputElement;
    fireEvent.click(field);
    fireEvent.change(field, { target: { value: 'västerb' } });
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Bjurholms kommun Västerbotten']);
    fireEvent.change(field, { target: { value: 'luleå' } });
    const none = await screen.findByRole('option', { name: 'Inga träffar' });
    expect(none.getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(field, { target: { value: 'ume' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Umeå kommun' }));
    expect(field.value).toBe('Umeå kommun');
    expect(screen.getByTestId('chosen').textContent).toBe('umea');
  });
});
