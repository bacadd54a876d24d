import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useServices } from '../services';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite">
      <Spinner size="small" labelPosition="after" label={label ?? t('loading')} />
    </div>
  );
}

/** A failed request, in words the user understands: the server's Swedish message, never a stack trace. */
export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?(): void }) {
  const { t } = useI18n();
  const { teams } = useServices();
  const [consentProblem, setConsentProblem] = useState(false);
  const consent = error.code === 'CONSENT_REQUIRED' && teams;
  const giveConsent = async () => {
    try {
      await teams?.requestConsent();
      setConsentProblem(false);
      onRetry?.();
    } catch {
      setConsentProblem(true);
    }
  };
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{consent ? t('consentTitle') : t('errorTitle')}</MessageBarTitle>
          <span lang="sv">{error.message}</span>
          {error.issues && error.issues.length > 0 && (
            <ul>
              {error.issues.map((issue, index) => (
                <li key={index} lang="sv">
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
          {consentProblem && <p>{t('consentFailed')}</p>}
          {error.requestId && <p>{t('requestIdNote', { id: error.requestId })}</p>}
        </MessageBarBody>
        <MessageBarActions>
          {consent ? (
            <Button appearance="primary" onClick={giveConsent}>
              {t('consentButton')}
            </Button>
          ) : (
            onRetry && error.code !== 'UNAUTHENTICATED' && <Button onClick={onRetry}>{t('retry')}</Button>
          )}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
