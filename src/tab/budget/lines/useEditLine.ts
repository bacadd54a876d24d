import { useState } from 'react';
import { formatSek, parseKronor } from '../../../domain/money';
import type { Samverkansomrade as Area } from '../../../domain/areas';
import { BUDGET_CATEGORIES as CATEGORIES, type BudgetCategory as Category } from '../../../domain/budget';
import { budgetLineSchema, type BudgetLineDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { useServices } from '../../services';
import { budgetApi } from '../api';

const plainSek = (ore: number) => formatSek(ore, { plain: true });
const isCategory = (category: string): category is Category => (CATEGORIES as readonly string[]).includes(category);

/** The line's fields as edited, the version they started from, and a conflict's newer version. */
export function useEditLine(
  line: BudgetLineDto,
  conflictCurrent: unknown,
  run: (action: () => Promise<string>) => Promise<boolean>,
  onSaved: () => void,
) {
  const { t } = useI18n();
  const { api } = useServices();
  const [base, setBase] = useState(line);
  const [name, setName] = useState(line.name);
  const [category, setCategory] = useState<Category>(isCategory(line.category) ? line.category : 'oh_administration');
  const [area, setArea] = useState<Area | ''>((line.area as Area | undefined) ?? '');
  const [amount, setAmount] = useState(plainSek(line.amountOre));
  const parsedNewer = budgetLineSchema.safeParse(conflictCurrent);
  const newer = parsedNewer.success && parsedNewer.data.etag !== base.etag ? parsedNewer.data : undefined;
  const submit = async () => {
    const ok = await run(async () => {
      const { line: saved } = await budgetApi(api).updateLine(base, {
        name: name.trim(),
        category,
        area: area || null,
        amountOre: parseKronor(amount),
      });
      return t('budget.line.saved', { name: saved.name });
    });
    if (ok) onSaved();
  };
  const startFrom = (version: BudgetLineDto) => {
    setBase(version);
    setName(version.name);
    setAmount(plainSek(version.amountOre));
    setArea((version.area as Area | undefined) ?? '');
    if (isCategory(version.category)) setCategory(version.category);
  };
  return { name, setName, category, setCategory, area, setArea, amount, setAmount, newer, submit, startFrom };
}
