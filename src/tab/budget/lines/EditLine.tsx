import { Button, Field, Input } from '@fluentui/react-components';
import { formatSek } from '../../../domain/money';
import { SAMVERKANSOMRADEN as AREAS } from '../../../domain/areas';
import { BUDGET_CATEGORIES as CATEGORIES } from '../../../domain/budget';
import type { BudgetLineDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { ChoiceField } from '../../ui/ChoiceField';
import { useFormStyles, usePageStyles } from '../../ui/styles';
import { categoryKey } from '../categories';
import { useEditLine } from './useEditLine';

/** Editing one budget line (sent with the ETag read); a conflict shows the newer version to start from. */
export function EditLine({
  line,
  run,
  busy,
  conflictCurrent,
  onSaved,
  onCancel,
}: {
  line: BudgetLineDto;
  run(action: () => Promise<string>): Promise<boolean>;
  busy: boolean;
  conflictCurrent: unknown;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const edit = useEditLine(line, conflictCurrent, run, onSaved);
  const { newer } = edit;
  const headingId = `budget-edit-${line.id}`;
  return (
    <form className={page.section} onSubmit={(event) => void edit.submit(event)} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className={page.sectionHeading}>
        {t('budget.line.editTitle', { name: line.name })}
      </h3>
      <div className={styles.form}>
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
      </div>
      <div className={styles.toolbar}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('budget.line.save')}
        </Button>
        <Button onClick={onCancel}>{t('budget.line.cancel')}</Button>
      </div>
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
    </form>
  );
}
