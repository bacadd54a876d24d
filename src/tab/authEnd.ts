import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/**
 * The SPA redirect URI (`/auth-end.html`): msal-browser's redirect bridge. The authorize endpoint sends the
 * code here; the bridge hands it to the page that started the sign-in (the tab, or auth-start.html in Teams'
 * authentication window), where msal redeems it with the PKCE verifier. No token ever appears in a URL.
 */
async function finish(): Promise<void> {
  try {
    await broadcastResponseToMainFrame();
  } catch {
    const status = document.getElementById('status');
    if (status) status.textContent = 'Inloggningen misslyckades. Gå tillbaka till appen och försök igen.';
    document.getElementById('back')?.removeAttribute('hidden');
  }
}

void finish();
