import { fetchConfig } from './api';
import { signInUrl } from './session';
import { connectToTeams } from './teams';

/**
 * Consent page opened by `authentication.authenticate` inside Teams: sends the user to the authorize endpoint
 * with `prompt=consent`; auth-end.html reports the outcome back to Teams.
 */
async function start(): Promise<void> {
  const status = document.getElementById('status');
  try {
    const [config, teams] = await Promise.all([fetchConfig(), connectToTeams(3000)]);
    const extra: Record<string, string> = { prompt: 'consent' };
    if (teams?.userPrincipalName) extra.login_hint = teams.userPrincipalName;
    window.location.assign(signInUrl(config, '/', extra));
  } catch {
    if (status) status.textContent = 'Det gick inte att starta inloggningen. Stäng fönstret och försök igen.';
  }
}

void start();
