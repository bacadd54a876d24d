import { BUDGET_CATEGORIES as CATEGORIES } from '../../domain/budget';
import type { MessageKey } from '../i18n';

export function categoryKey(category: string): MessageKey {
  return (CATEGORIES as readonly string[]).includes(category)
    ? (`budget.cat.${category}` as MessageKey)
    : 'budget.none';
}
