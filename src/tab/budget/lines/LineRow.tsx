import { Button, TableCell, TableRow } from '@fluentui/react-components';
import { formatSek } from '../../../domain/money';
import type { Samverkansomrade as Area } from '../../../domain/areas';
import type { BudgetLineDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { useFormStyles } from '../../ui/styles';
import { categoryKey } from '../categories';

/** One budget line with its edit button; `buttonRef` lets focus return to the button after editing. */
export function LineRow({
  line,
  buttonRef,
  onEdit,
}: {
  line: BudgetLineDto;
  buttonRef(element: HTMLElement | null): void;
  onEdit(): void;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  return (
    <TableRow>
      <TableCell>{line.name}</TableCell>
      <TableCell>{t(categoryKey(line.category))}</TableCell>
      <TableCell>{line.area ? t(`act.area.${line.area as Area}`) : ''}</TableCell>
      <TableCell className={styles.number}>{formatSek(line.amountOre)}</TableCell>
      <TableCell>
        <Button
          size="small"
          ref={buttonRef}
          aria-label={t('budget.line.editLabel', { name: line.name })}
          onClick={onEdit}
        >
          {t('budget.line.edit')}
        </Button>
      </TableCell>
    </TableRow>
  );
}
