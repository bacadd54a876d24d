import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../../src/tab/i18n';
import { TimeField } from '../../src/tab/ui/TimeField';
import { parseTimeText } from '../../src/tab/ui/timeText';
import { enterDateOrTime } from './support';

describe('time text (Swedish typing)', () => {
  it.each([
    ['09:30', '09:30'],
    ['9.30', '09:30'],
    ['9:5', '09:05'],
    ['0930', '09:30'],
    ['930', '09:30'],
    ['9', '09:00'],
    ['14', '14:00'],
    ['14 30', '14:30'],
    ['kl. 13.15', '13:15'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseTimeText(text)).toBe(expected);
  });

  it.each(['24:00', '9:60', '2530', '12345', 'halv tio', '9 pm', ''])('refuses %p', (text) => {
    expect(parseTimeText(text)).toBeNull();
  });
});

function Harness({ initial, required }: { initial: string; required?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TimeField label="Starttid" value={value} onChange={setValue} required={required} />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('13:00')}>
        Sätt 13:00
      </button>
    </>
  );
}

function renderField(initial = '', required?: boolean) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider language="sv">
        <Harness initial={initial} required={required} />
      </I18nProvider>
    </FluentProvider>,
  );
  return screen.getByLabelText(/Starttid/) as HTMLInputElement;
}

const value = () => screen.getByTestId('value').textContent;

describe('TimeField', () => {
  it('is labelled, shows HH:MM and offers the 24-hour form as placeholder', () => {
    const input = renderField('09:00');
    expect(input.value).toBe('09:00');
    expect(input.placeholder).toBe('tt:mm');
  });

  it('turns 9:5 into 09:05 and 0930 into 09:30 when the field is left', () => {
    const input = renderField();
    enterDateOrTime(input, '9:5');
    expect(input.value).toBe('09:05');
    expect(value()).toBe('09:05');
    enterDateOrTime(input, '0930');
    expect(input.value).toBe('09:30');
    expect(value()).toBe('09:30');
  });

  it('reads the text on Enter as well', () => {
    const input = renderField();
    fireEvent.change(input, { target: { value: '1415' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(value()).toBe('14:15');
  });

  it('says in Swedish when the text is not a time and keeps the last valid value', async () => {
    const input = renderField('10:00');
    enterDateOrTime(input, '25:00');
    expect(await screen.findByText(/Skriv tiden som tt:mm med 24 timmar, till exempel 09:30/)).toBeTruthy();
    expect(value()).toBe('10:00');
    expect(input.value).toBe('10:00');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Fixing it takes the message away.
    enterDateOrTime(input, '10.15');
    expect(screen.queryByText(/Skriv tiden som/)).toBeNull();
    expect(value()).toBe('10:15');
  });

  it('asks for a time when a required field is emptied', async () => {
    const input = renderField('10:00', true);
    enterDateOrTime(input, '');
    expect(await screen.findByText('Ange en tid.')).toBeTruthy();
    expect(value()).toBe('');
  });

  it('shows a value set from outside', () => {
    const input = renderField('10:00');
    fireEvent.click(screen.getByRole('button', { name: 'Sätt 13:00' }));
    expect(input.value).toBe('13:00');
  });
});
