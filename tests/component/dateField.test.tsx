import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../../src/tab/i18n';
import { DateField } from '../../src/tab/ui/DateField';
import { fromIsoDate, parseDateText, toIsoDate } from '../../src/tab/ui/dateText';

describe('date text (Swedish typing)', () => {
  it.each(['2026-12-03', '3/12 2026', '3.12.2026', '20261203'])('parses %s to 2026-12-03', (text) => {
    const date = parseDateText(text);
    expect(date && toIsoDate(date)).toBe('2026-12-03');
  });

  it('refuses text that is not a real date', () => {
    expect(parseDateText('2026-02-30')).toBeNull();
    expect(parseDateText('nästa tisdag')).toBeNull();
    expect(fromIsoDate('')).toBeUndefined();
  });
});

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Startdatum" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function renderField(initial = '') {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider language="sv">
        <Harness initial={initial} />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe('DateField', () => {
  it('is labelled and shows the ISO value', () => {
    renderField('2026-12-03');
    expect((screen.getByLabelText(/Startdatum/) as HTMLInputElement).value).toBe('2026-12-03');
  });

  it('turns typed Swedish text into the ISO value on blur', async () => {
    renderField();
    const input = screen.getByLabelText(/Startdatum/);
    fireEvent.change(input, { target: { value: '3.12.2026' } });
    fireEvent.blur(input);
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('2026-12-03'));
  });

  it('says in Swedish when the text is not a date', async () => {
    renderField();
    const input = screen.getByLabelText(/Startdatum/);
    fireEvent.change(input, { target: { value: 'imorgon' } });
    fireEvent.blur(input);
    expect(await screen.findByText(/Skriv datumet som åååå-mm-dd/)).toBeTruthy();
    expect(screen.getByTestId('value').textContent).toBe('');
  });

  it('opens a Swedish calendar that starts on Monday and shows week numbers', async () => {
    renderField('2026-12-03');
    fireEvent.click(screen.getByLabelText(/Startdatum/));
    const grid = await screen.findByRole('grid', { name: /december 2026/i });
    const headers = Array.from(grid.querySelectorAll('th')).map((th) => th.textContent);
    expect(headers.filter(Boolean).slice(0, 2)).toEqual(['må', 'ti']);
    expect(screen.getAllByText('49').length).toBeGreaterThan(0);
    expect(screen.getByText('Gå till idag')).toBeTruthy();
  });
});
