import { Button, Field, Input } from '@fluentui/react-components';
import { formatSek } from '../../../domain/money';
import { SAMVERKANSOMRADEN as AREAS } from '../../../domain/areas';
import { BUDGET_CATEGORIES as CATEGORIES } from '../../../domain/budget';
import type { BudgetLineDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { ChoiceField } from '../../ui/ChoiceField';
import { FormDialog } from '../../ui/FormDialog';
import type { ReactNode } from 'react';
import { categoryKey } from '../categories';
import { useEditLine } from './useEditLine';

/** Editing one budget line in a dialog (sent with the ETag read); a conflict shows the newer version to start from. */
export function EditLine({
  line,
  open,
  run,
  busy,
  status,
  conflictCurrent,
  onSaved,
  onCancel,
  onClosed,
}: {
  line: BudgetLineDto;
  open: boolean;
  run(action: () => Promise<string>): Promise<boolean>;
  busy: boolean;
  /** The save's refusal, shown in the dialog. */
  status: ReactNode;
  conflictCurrent: unknown;
  onSaved(): void;
  onCancel(): void;
  onClosed(): void;
}) {
  const { t } = useI18n();
  const edit = useEditLine(line, conflictCurrent, run, onSaved);
  const { newer } = edit;
  return (
    <FormDialog
      open={open}
      title={t('budget.line.editTitle', { name: line.name })}
      submitLabel={t('budget.line.save')}
      cancelLabel={t('budget.line.cancel')}
      busy={busy}
      onSubmit={() => void edit.submit()}
      onCancel={onCancel}
      onClosed={onClosed}
      footer={
        <>
          {status}
          {newer && (
            <div data-testid="budget-line-newer">
              <p>
                {t('budget.line.newer', {
                  name: newer.name,
                  category: t(categoryKey(newer.category)),
                  amount: formatSek(newer.amountOre),
                })}
              </p>
              <Button onClick={() => edit.startFrom(newer)}>{t('budget.line.useNewer')}</Button>
            </div>
          )}
        </>
      }
    >
      <Field label={t('budget.addLine.name')} required>
        <Input value={edit.name} onChange={(_, data) => edit.setName(data.value)} />
      </Field>
      <ChoiceField
        label={t('budget.addLine.category')}
        required
        value={edit.category}
        choices={CATEGORIES.map((c) => ({ value: c, label: t(`budget.cat.${c}`) }))}
        onChange={edit.setCategory}
      />
      <ChoiceField
        label={t('budget.line.area')}
        value={edit.area}
        allLabel={t('budget.line.noArea')}
        choices={AREAS.map((a) => ({ value: a, label: t(`act.area.${a}`) }))}
        onChange={edit.setArea}
      />
      <Field label={t('budget.addLine.amount')} hint={t('budget.book.amountHint')} required>
        <Input value={edit.amount} inputMode="decimal" onChange={(_, data) => edit.setAmount(data.value)} />
      </Field>
    </FormDialog>
  );
}
