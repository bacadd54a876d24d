import {
  CalendarRegular,
  ContactCardRegular,
  DocumentCheckmarkRegular,
  HomeRegular,
  MoneyRegular,
  PeopleTeamRegular,
  SparkleRegular,
} from '@fluentui/react-icons';
import type { ComponentType } from 'react';
import { useI18n } from '../i18n';
import { PAGES, pageHref, pageTitleKey, type PageId } from '../routes';
import { useShellStyles } from './styles';

const PAGE_ICONS: Record<PageId, ComponentType<{ 'aria-hidden'?: boolean; className?: string }>> = {
  oversikt: HomeRegular,
  moten: CalendarRegular,
  aktiviteter: SparkleRegular,
  budget: MoneyRegular,
  beslut: DocumentCheckmarkRegular,
  arbetsgrupper: PeopleTeamRegular,
  kontakter: ContactCardRegular,
};

/** The pages as links, the current one marked. */
export function ShellNav({ page }: { page: PageId }) {
  const { t } = useI18n();
  const styles = useShellStyles();
  return (
    <nav className={styles.nav} aria-label={t('navLabel')}>
      <ul className={styles.navList}>
        {PAGES.map((id) => {
          const Icon = PAGE_ICONS[id];
          const current = id === page;
          return (
            <li key={id}>
              <a
                href={pageHref(id)}
                className={current ? `${styles.navLink} ${styles.navLinkCurrent}` : styles.navLink}
                aria-current={current ? 'page' : undefined}
              >
                <Icon aria-hidden />
                {t(pageTitleKey(id))}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
