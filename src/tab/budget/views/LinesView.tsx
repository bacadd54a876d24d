import { AddLine } from '../BudgetForms';
import { EditLines } from '../EditLines';
import type { BudgetData } from '../useBudgetData';

/** Budgetposter (who may edit the budget): the year's lines to change, and a new one. Loaded when first opened. */
export function LinesView({ data }: { data: BudgetData }) {
  return (
    <>
      {data.lines.status === 'ready' && <EditLines lines={data.lines.data} year={data.year} onSaved={data.reloadAll} />}
      <AddLine year={data.year} onAdded={data.reloadAll} />
    </>
  );
}
