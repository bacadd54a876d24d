import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Select } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { THEME_NAMES, type ThemeName } from '../theme';
import { useShellStyles } from './styles';

export interface LocalIdentity {
  /** Shown in the local-environment banner. */
  onSwitchPersona(): void;
  onSignOut(): void;
}

/** The app's name, the language and theme switches, the local-environment banner and the Teams context. */
export function ShellHeader({
  theme,
  onThemeChange,
  local,
  signedInAs,
}: {
  theme: ThemeName;
  onThemeChange?(theme: ThemeName): void;
  local?: LocalIdentity;
  /** The signed-in person's name, once known. */
  signedInAs?: string;
}) {
  const { t, language, setLanguage } = useI18n();
  const { teams } = useServices();
  const styles = useShellStyles();
  const other = language === 'sv' ? 'en' : 'sv';
  const teamsWhere = [teams?.teamName, teams?.channelName].filter(Boolean).join(' / ');
  return (
    <header className={styles.header}>
      <p className={styles.appName}>{t('appName')}</p>
      <div className={styles.tools}>
        <Button onClick={() => setLanguage(other)} aria-label={t('languageSwitchLabel')} lang={other}>
          {other === 'en' ? t('switchToEnglish') : t('switchToSwedish')}
        </Button>
        {onThemeChange && (
          <Field label={t('themeLabel')} orientation="horizontal">
            <Select value={theme} onChange={(_, data) => onThemeChange(data.value as ThemeName)}>
              {THEME_NAMES.map((name) => (
                <option key={name} value={name}>
                  {t(`theme.${name}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {local && (
        <div className={styles.banner}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <strong>{t('localBanner')}</strong> {signedInAs !== undefined && t('signedInAs', { name: signedInAs })}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={local.onSwitchPersona}>{t('switchPersona')}</Button>
              <Button onClick={local.onSignOut}>{t('signOut')}</Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}
      {teams && teamsWhere && <p className={styles.teamsContext}>{t('teams.context', { where: teamsWhere })}</p>}
    </header>
  );
}
