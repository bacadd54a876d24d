import { describe, expect, it } from '@jest/globals';
import { OnBehalfOfCache } from '../../../api/auth/tokenProvider';

const HOUR = 3_600_000;

function exchanges(expiresIn = HOUR, now: () => number = () => 0) {
  let count = 0;
  const exchange = async () => {
    count += 1;
    return { accessToken: `graph-token-${count}`, expiresAt: now() + expiresIn };
  };
  return { exchange, count: () => count };
}

describe('on-behalf-of tokens are exchanged once per SSO token while they are valid', () => {
  it('answers a second call for the same SSO token from the cache', async () => {
    const cache = new OnBehalfOfCache(() => 0);
    const obo = exchanges();
    expect(await cache.get('sso-anna', obo.exchange)).toBe('graph-token-1');
    expect(await cache.get('sso-anna', obo.exchange)).toBe('graph-token-1');
    expect(obo.count()).toBe(1);
  });

  it('keeps each SSO token apart', async () => {
    const cache = new OnBehalfOfCache(() => 0);
    const obo = exchanges();
    await cache.get('sso-anna', obo.exchange);
    expect(await cache.get('sso-karin', obo.exchange)).toBe('graph-token-2');
  });

  it('exchanges again five minutes before the token expires, not later', async () => {
    let now = 0;
    const cache = new OnBehalfOfCache(() => now);
    const obo = exchanges(HOUR, () => now);
    await cache.get('sso-anna', obo.exchange);
    now = HOUR - 300_001;
    expect(await cache.get('sso-anna', obo.exchange)).toBe('graph-token-1');
    now = HOUR - 300_000;
    expect(await cache.get('sso-anna', obo.exchange)).toBe('graph-token-2');
    expect(obo.count()).toBe(2);
  });

  it('lets concurrent calls share one exchange', async () => {
    const cache = new OnBehalfOfCache(() => 0);
    const obo = exchanges();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get('sso-anna', obo.exchange)));
    expect(new Set(tokens)).toEqual(new Set(['graph-token-1']));
    expect(obo.count()).toBe(1);
  });

  it('never keeps a refused exchange: the next call asks again', async () => {
    const cache = new OnBehalfOfCache(() => 0);
    const refused = async (): Promise<{ accessToken: string; expiresAt: number }> => {
      throw new Error('consent_required');
    };
    await expect(cache.get('sso-anna', refused)).rejects.toThrow('consent_required');
    const obo = exchanges();
    expect(await cache.get('sso-anna', obo.exchange)).toBe('graph-token-1');
  });

  it('forgets the oldest SSO tokens beyond its size', async () => {
    const cache = new OnBehalfOfCache(() => 0, 2);
    const obo = exchanges();
    await cache.get('sso-1', obo.exchange);
    await cache.get('sso-2', obo.exchange);
    await cache.get('sso-3', obo.exchange);
    expect(await cache.get('sso-3', obo.exchange)).toBe('graph-token-3');
    expect(await cache.get('sso-1', obo.exchange)).toBe('graph-token-4');
  });
});
