import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { ErrorMessage, Loading } from '../ui/status';
import type { Phase } from './useStartup';

const useStyles = makeStyles({
  plain: { maxWidth: '40rem', margin: '0 auto', padding: tokens.spacingHorizontalXXL },
  heading: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
});

/** The tab before the shell: starting, failed to start, or signed out (with a button to sign in again). */
export function PlainPhase({ phase }: { phase: Exclude<Phase, { kind: 'ready' }> }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (phase.kind === 'starting') {
    return (
      <main className={styles.plain}>
        <Loading label={t('loadingApp')} />
      </main>
    );
  }
  if (phase.kind === 'failed') {
    return (
      <main className={styles.plain}>
        <h1 className={styles.heading}>{t('errorTitle')}</h1>
        <ErrorMessage error={phase.error} onRetry={() => window.location.reload()} />
      </main>
    );
  }
  return (
    <main className={styles.plain}>
      <h1 className={styles.heading}>{t('signedOutTitle')}</h1>
      {phase.expired && (
        <div role="alert">
          <MessageBar intent="warning">
            <MessageBarBody>{t('sessionExpired')}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <p>{t('signedOutText')}</p>
      <Button appearance="primary" onClick={() => void phase.session.signIn({ prompt: 'select_account' })}>
        {t('signIn')}
      </Button>
    </main>
  );
}
