import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Request } from 'playwright-core';
import type { Stack } from '../integration/support/stack';
import { ARTIFACTS, buildTab, launchChromium, settled, startTabStack } from './support';

/**
 * The tab's plain-browser sign-in, in real Chromium: msal-browser's authorization code flow with PKCE
 * against the local tenant, from the tab's first request to a signed-in tab. No token is ever in a URL.
 */
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  buildTab();
  stack = await startTabStack();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('plain-browser sign-in (msal-browser, authorization code + PKCE)', () => {
  it('goes from the tab through the persona page and a code redemption to a signed-in tab', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const urls: string[] = [];
      const tokenRequests: Request[] = [];
      page.on('framenavigated', (frame) => urls.push(frame.url()));
      page.on('request', (request) => {
        urls.push(request.url());
        if (new URL(request.url()).pathname.endsWith('/oauth2/v2.0/token') && request.method() === 'POST')
          tokenRequests.push(request);
      });
      await page.goto(`${stack.url}/#/kontakter`);
      await page.waitForURL((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'));

      const authorize = new URL(page.url());
      expect(authorize.origin).toBe(stack.tenant.url);
      expect(authorize.searchParams.get('response_type')).toBe('code');
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize.searchParams.get('redirect_uri')).toBe(`${stack.url}/auth-end.html`);
      expect(authorize.searchParams.get('scope')).toContain(`api://localhost/${stack.tenant.clientId}/access_as_user`);
      expect(authorize.searchParams.get('nonce')).toBeTruthy();

      for (const [name, options] of [
        ['light', { colorScheme: 'light' as const, width: 1280 }],
        ['dark', { colorScheme: 'dark' as const, width: 1280 }],
        ['light-360', { colorScheme: 'light' as const, width: 360 }],
      ] as const) {
        await page.emulateMedia({ colorScheme: options.colorScheme });
        await page.setViewportSize({ width: options.width, height: 800 });
        await page.screenshot({ path: join(ARTIFACTS, `signin-persona-${name}.png`), fullPage: false });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      // People with their organisation and roles by name (#18): never a role key such as "samordnare, stodgrupp".
      const persona = await page.locator('main').innerText();
      expect(persona).toContain('Karin Nordström\nRegion Västerbotten – Samordnare, Stödgruppen');
      expect(persona).not.toMatch(/\b(ordforande|stodgrupp|samverkansgrupp|samordnare|arbetsgrupp)\b/);
      await page.getByRole('button', { name: 'Karin Nordström', exact: true }).click();

      // Back at the page the sign-in started from, with the hash route kept.
      await page.waitForURL((url) => url.origin === stack.url && url.pathname === '/' && url.hash === '#/kontakter');
      await page.getByText('Inloggad som Karin Nordström').waitFor();
      await settled(page);

      expect(tokenRequests).toHaveLength(1);
      const redemption = tokenRequests[0]!;
      const form = new URLSearchParams(redemption.postData() ?? '');
      expect(form.get('grant_type')).toBe('authorization_code');
      expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
      expect(form.get('client_secret')).toBeNull();
      expect((await redemption.allHeaders()).origin).toBe(stack.url);
      expect((await redemption.response())?.status()).toBe(200);
      // The code went through a URL; no token ever did.
      expect(urls.some((url) => /[#?&]code=/.test(url))).toBe(true);
      expect(urls.filter((url) => /[#?&](access_token|id_token|refresh_token)=/.test(url))).toEqual([]);

      // A reload keeps the session (msal's cache in sessionStorage): no second trip to the authorize endpoint.
      await page.reload();
      await page.getByText('Inloggad som Karin Nordström').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
    } finally {
      await context.close();
    }
  });

  it('signs out, and signs in again as another person from the signed-out page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${stack.url}/`);
      await page.waitForURL((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'));
      await page.getByRole('button', { name: 'Maria Bergström', exact: true }).click();
      await page.getByText('Inloggad som Maria Bergström').waitFor();
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('button', { name: 'Logga in' }).waitFor();
      await page.reload();
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'));
      expect(new URL(page.url()).searchParams.get('prompt')).toBe('select_account');
      await page.getByRole('button', { name: 'Erik Lundqvist', exact: true }).click();
      await page.getByText('Inloggad som Erik Lundqvist').waitFor();
    } finally {
      await context.close();
    }
  });
});
