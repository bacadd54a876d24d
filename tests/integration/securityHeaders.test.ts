import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack } from './support/stack';

/** The CSP header as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => Boolean(name))
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

async function cspOf(stack: Stack, path: string): Promise<Map<string, string[]>> {
  const response = await stack.call(path);
  const csp = response.headers.get('content-security-policy');
  expect(csp).toBeTruthy();
  return directives(csp ?? '');
}

describe('server security headers', () => {
  describe('on a random port without PUBLIC_URL (PORT=0, as in tests)', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    }, 60_000);
    afterAll(async () => {
      await stack?.close();
    });

    it('lets teams-js fetch validDomains.json from the Office CDN and talk to the sign-in origin', async () => {
      const csp = await cspOf(stack, '/healthz');
      const connect = csp.get('connect-src') ?? [];
      expect(connect).toContain("'self'");
      expect(connect).toContain('https://res.cdn.office.net');
      expect(connect).toContain(new URL(stack.tenant.url).origin);
    });

    it('lets Teams frame the tab, and names no port-0 origin nobody can frame from', async () => {
      const csp = await cspOf(stack, '/');
      const ancestors = csp.get('frame-ancestors') ?? [];
      expect(ancestors).toEqual(
        expect.arrayContaining(["'self'", 'https://teams.microsoft.com', 'https://*.teams.microsoft.com']),
      );
      expect(ancestors.filter((source) => /:0$/.test(source))).toEqual([]);
      expect(stack.config.publicUrl).toMatch(/:0$/);
    });
  });

  describe('with a PUBLIC_URL', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ env: { PUBLIC_URL: 'https://samverkan.example.se/' } });
    }, 60_000);
    afterAll(async () => {
      await stack?.close();
    });

    it('lets the public origin frame the tab besides Teams', async () => {
      const ancestors = (await cspOf(stack, '/healthz')).get('frame-ancestors') ?? [];
      expect(ancestors).toContain('https://samverkan.example.se');
      expect(ancestors).toContain('https://teams.cloud.microsoft');
      expect((await cspOf(stack, '/healthz')).get('connect-src')).toContain('https://res.cdn.office.net');
    });
  });
});

describe('tab caching', () => {
  let stack: Stack;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tab-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Flik</title>');
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.info(1)');
    stack = await startStack({ env: { TAB_DIST_DIR: dir } });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('revalidates HTML on every load, so a deploy never leaves Teams with scripts that are gone', async () => {
    for (const path of ['/', '/index.html', '/tab/moten']) {
      const response = await stack.call(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('lets browsers keep the hashed assets', async () => {
    const response = await stack.call('/assets/index-Ab12Cd34.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
