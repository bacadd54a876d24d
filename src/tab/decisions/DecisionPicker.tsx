import { useMemo } from 'react';
import type { DecisionDto } from '../../contract/decisions';
import { formatDay } from '../format';
import { useI18n, type Language } from '../i18n';
import { useLoad } from '../services';
import { SearchCombobox } from '../ui/SearchCombobox';
import { decisionsApi } from './api';

/** "§ 4, 6 oktober 2026 – Arbetsgruppen för digital bygglovsprocess tillsätts": number, date and text. */
export function decisionLabel(decision: DecisionDto, language: Language): string {
  const parts = [
    decision.paragraph !== undefined ? `§ ${decision.paragraph}` : undefined,
    decision.decidedOn ? formatDay(decision.decidedOn, language) : undefined,
  ].filter(Boolean);
  const text = decision.text.length > 90 ? `${decision.text.slice(0, 89)}…` : decision.text;
  return parts.length > 0 ? `${parts.join(', ')} – ${text}` : text;
}

/**
 * A decision chosen from the register (a searchable Combobox showing number, date and text), never a typed
 * id: `onChange` gets the chosen decision's id, or '' when none is chosen.
 */
export function DecisionPicker({
  label,
  value,
  onChange,
  validationMessage,
}: {
  label: string;
  value: string;
  onChange(id: string): void;
  validationMessage?: string;
}) {
  const { t, language } = useI18n();
  const decisions = useLoad((api) => decisionsApi(api).list());
  const options = useMemo(() => {
    const all = decisions.status === 'ready' ? decisions.data : [];
    return [...all]
      .sort((a, b) => (b.decidedOn ?? '').localeCompare(a.decidedOn ?? '') || (b.paragraph ?? 0) - (a.paragraph ?? 0))
      .map((decision) => ({ value: decision.id, text: decisionLabel(decision, language) }));
  }, [decisions, language]);
  return (
    <SearchCombobox
      label={label}
      options={options}
      value={value}
      onChange={onChange}
      hint={t('decisionPicker.hint')}
      placeholder={decisions.status === 'loading' ? t('decisionPicker.loading') : t('decisionPicker.placeholder')}
      emptyText={t('decisionPicker.none')}
      validationMessage={decisions.status === 'error' ? decisions.error.message : validationMessage}
    />
  );
}
