import { completeSignIn } from './session';
import { connectToTeams, loadTeamsJs } from './teams';

/**
 * Where the authorize endpoint redirects back (`#access_token=…&state=…`). In Teams' authentication window
 * the outcome goes back to the tab; in a plain browser the token is kept and the user returns to the tab.
 */
async function finish(): Promise<void> {
  const result = completeSignIn(window.location.hash);
  history.replaceState(null, '', window.location.pathname);
  const teams = window.opener || window.parent !== window ? await connectToTeams(3000) : undefined;
  if (teams) {
    const { authentication } = await loadTeamsJs();
    if (result.ok) authentication.notifySuccess();
    else authentication.notifyFailure(result.reason);
    return;
  }
  if (result.ok) {
    window.location.replace(result.returnTo);
    return;
  }
  const status = document.getElementById('status');
  if (status) status.textContent = 'Inloggningen misslyckades. Gå tillbaka till appen och försök igen.';
  document.getElementById('back')?.removeAttribute('hidden');
}

void finish();
