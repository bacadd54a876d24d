import { useI18n } from '../../i18n';
import { usePageStyles } from '../../ui/styles';
import { TimeView } from '../TimeView';
import type { BudgetData } from '../useBudgetData';

/** Samordnarens tid: the hours against the year's budget, and logging them (who may). Loaded when first opened. */
export function TimeSection({ data, canLogTime }: { data: BudgetData; canLogTime: boolean }) {
  const { t } = useI18n();
  const page = usePageStyles();
  return (
    <>
      <h2 id="budget-time" className={page.sectionHeading}>
        {t('budget.time')}
      </h2>
      <TimeView time={data.time} canLogTime={canLogTime} />
    </>
  );
}
