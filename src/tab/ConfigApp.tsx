import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n';
import { PAGES, pageTitleKey, type PageId } from './routes';
import { MEETING_VIEW, connectToTeams, loadTeamsJs, type TeamsHost } from './teams';
import { FLUENT_THEMES, storedTheme, type ThemeName } from './theme';

const useStyles = makeStyles({
  // Not on FluentProvider: it hands its className to every portal (see App.tsx).
  page: { minHeight: '100vh' },
  main: { maxWidth: '40rem', padding: tokens.spacingHorizontalXXL },
  heading: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
});

/** The tab's page for a pinned channel tab: `?view=<page>` on the tab's own address (`mote`: the meeting view). */
export function contentUrlFor(page: PageId | typeof MEETING_VIEW, origin = window.location.origin): string {
  return `${origin}/?view=${page}`;
}

/**
 * The channel tab's configuration page: the user picks the page to pin; Teams' Save calls the save handler,
 * which stores a contentUrl that opens that page.
 */
export function ConfigApp() {
  const { t } = useI18n();
  const styles = useStyles();
  const [page, setPage] = useState<PageId | typeof MEETING_VIEW>('arbetsgrupper');
  const [teams, setTeams] = useState<TeamsHost | null>();
  const [theme, setTheme] = useState<ThemeName>(storedTheme);
  const pageRef = useRef(page);
  pageRef.current = page;

  useEffect(() => {
    let active = true;
    void connectToTeams().then(async (host) => {
      if (!active) return;
      setTeams(host ?? null);
      if (!host) return;
      // Added to a Teams meeting: the meeting view (dagordning, närvaro, beslut) is the natural choice.
      if (host.meeting) setPage(MEETING_VIEW);
      setTheme(host.theme);
      host.onThemeChange(setTheme);
      const { pages } = await loadTeamsJs();
      pages.config.registerOnSaveHandler((saveEvent) => {
        const chosen = pageRef.current;
        const url = contentUrlFor(chosen);
        pages.config
          .setConfig({
            contentUrl: url,
            websiteUrl: url,
            entityId: `pbs-${chosen}`,
            suggestedDisplayName: chosen === MEETING_VIEW ? t('config.meetingName') : t(pageTitleKey(chosen)),
          })
          .then(
            () => saveEvent.notifySuccess(),
            () => saveEvent.notifyFailure('Fliken kunde inte sparas.'),
          );
      });
      pages.config.setValidityState(true);
    });
    return () => {
      active = false;
    };
  }, [t]);

  return (
    <FluentProvider theme={FLUENT_THEMES[theme]}>
      <div className={styles.page}>
        <main className={styles.main}>
          <h1 className={styles.heading}>{t('config.title')}</h1>
          {teams === null && (
            <MessageBar intent="info">
              <MessageBarBody>{t('config.outsideTeams')}</MessageBarBody>
            </MessageBar>
          )}
          <p>{t('config.help')}</p>
          <Field label={t('config.choose')}>
            <RadioGroup value={page} onChange={(_, data) => setPage(data.value as PageId)}>
              {teams?.meeting && <Radio value={MEETING_VIEW} label={t('config.meeting')} />}
              {PAGES.map((id) => (
                <Radio key={id} value={id} label={t(pageTitleKey(id))} />
              ))}
            </RadioGroup>
          </Field>
        </main>
      </div>
    </FluentProvider>
  );
}
