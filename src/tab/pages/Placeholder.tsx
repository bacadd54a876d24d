import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { pageTitleKey, type PageId } from '../routes';
import { PageHeading } from '../ui/PageHeading';

export function PlaceholderPage({ page }: { page: Exclude<PageId, 'oversikt' | 'kontakter'> }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t(pageTitleKey(page))}</PageHeading>
      <p>{t(`placeholder.${page}` as MessageKey)}</p>
      <p>{t('placeholderNote')}</p>
    </>
  );
}
