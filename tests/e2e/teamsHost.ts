import type { Page } from 'playwright-core';

/**
 * A Teams host for the browser tests: a page of the tab's own origin (teams-js accepts messages from it,
 * internal/communication.js) that frames the tab and answers teams-js' postMessage protocol as Teams does:
 * `initialize` (frame context, host client type, SDK version: teams-js then builds its version-based runtime),
 * `getContext` (the legacy context teams-js maps to `app.Context`: chatId, meetingId, frameContext, theme, …) and
 * `authentication.getAuthToken` (the SSO token). Everything else is left unanswered, as a host may.
 */
export interface TeamsHostContext {
  frameContext: 'sidePanel' | 'meetingStage' | 'content';
  chatId?: string;
  meetingId?: string;
  theme?: 'default' | 'dark' | 'contrast';
  userPrincipalName: string;
  locale?: string;
}

function hostHtml(context: TeamsHostContext, token: string, width: number, height: number): string {
  const legacy = { locale: 'sv-se', theme: 'default', hostClientType: 'web', ...context };
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Teams (testvärd)</title></head>
<body style="margin:0">
<iframe id="tab" title="Plan och bygg" src="/?frameContext=${context.frameContext}"
  style="width:${width}px;height:${height}px;border:0;display:block"></iframe>
<script>
const context = ${JSON.stringify(legacy)};
const token = ${JSON.stringify(token)};
window.addEventListener('message', (event) => {
  const tab = document.getElementById('tab').contentWindow;
  const message = event.data;
  if (event.source !== tab || !message || typeof message.func !== 'string') return;
  const reply = (args) => tab.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
  if (message.func === 'initialize') reply([context.frameContext, 'web', '2.0.0', '2.0.0']);
  else if (message.func === 'getContext') reply([context]);
  else if (message.func === 'authentication.getAuthToken') reply([true, token]);
});
</script>
</body></html>`;
}

/** Opens the tab framed in the host at `${origin}/__teams-host` (served to this page only, by page.route). */
export async function openInTeamsHost(
  page: Page,
  origin: string,
  context: TeamsHostContext,
  token: string,
  size = { width: 320, height: 900 },
): Promise<void> {
  const url = `${origin}/__teams-host`;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: hostHtml(context, token, size.width, size.height),
    }),
  );
  await page.goto(url);
}
