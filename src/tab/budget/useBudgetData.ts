import { useState } from 'react';
import { todayInStockholm } from '../format';
import { useLoad } from '../services';
import { useReloadOn } from '../ui/useReloadOn';
import { budgetApi } from './api';

/**
 * The Budget page's year and report date, and what it loads for them: the report, the lines and the time. A report
 * date outside the chosen year is not sent (the year's report is then as of today or the year's end).
 */
export function useBudgetData() {
  const today = todayInStockholm();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [asOf, setAsOf] = useState(today);
  const effectiveAsOf = asOf.startsWith(`${year}-`) ? asOf : undefined;
  const report = useLoad((client) => budgetApi(client).report(year, effectiveAsOf));
  const lines = useLoad((client) => budgetApi(client).lines(year));
  const time = useLoad((client) => budgetApi(client).time(year, effectiveAsOf));
  const reloadAll = () => {
    report.reload();
    lines.reload();
    time.reload();
  };
  useReloadOn(`${year}|${effectiveAsOf ?? ''}`, reloadAll);
  return { year, setYear, asOf, setAsOf, effectiveAsOf, report, lines, time, reloadAll };
}

export type BudgetData = ReturnType<typeof useBudgetData>;
