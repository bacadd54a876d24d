import { fetchConfig } from './api';
import { openBrowserSession } from './browserSignIn';
import { connectToTeams, loadTeamsJs } from './teams';

/**
 * Consent page opened by `authentication.authenticate` inside Teams: msal-browser's code flow with PKCE and
 * `prompt=consent`. The authorize endpoint returns to auth-end.html, whose bridge brings the code back here;
 * once msal has redeemed it, Teams is told the consent is done and the tab asks for its SSO token again.
 */
async function start(): Promise<void> {
  const status = document.getElementById('status');
  try {
    const [config, teams] = await Promise.all([fetchConfig(), connectToTeams(3000)]);
    const session = await openBrowserSession(config);
    if (session.returnedFromSignIn) {
      if (teams) (await loadTeamsJs()).authentication.notifySuccess();
      else if (status) status.textContent = 'Klart. Du kan stänga fönstret.';
      return;
    }
    await session.signIn({ prompt: 'consent', loginHint: teams?.userPrincipalName });
  } catch (error) {
    if (status) status.textContent = 'Det gick inte att logga in. Stäng fönstret och försök igen.';
    const teams = await connectToTeams(3000).catch(() => undefined);
    if (teams) (await loadTeamsJs()).authentication.notifyFailure(error instanceof Error ? error.message : 'failed');
  }
}

void start();
