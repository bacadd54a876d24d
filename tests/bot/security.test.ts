import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { BotConfigError, assertBotConfig, isLoopbackAddress, mountBot } from '../../api/bot';
import {
  MEMBER,
  cardExecute,
  cardOf,
  cardText,
  inMemoryDeps,
  personalMessage,
  post,
  startBotServer,
  startCapturingConnector,
  type CapturingConnector,
} from './support';

let connector: CapturingConnector;

beforeAll(async () => {
  connector = await startCapturingConnector();
});

afterAll(async () => {
  await connector.close();
});

describe('tenant mode needs Bot Framework credentials', () => {
  it.each([
    [undefined, 'clientId, clientSecret, tenantId'],
    [{ clientId: 'bot-id' }, 'clientSecret, tenantId'],
    [{ clientId: 'bot-id', clientSecret: ' ', tenantId: 'tid' }, 'clientSecret'],
  ])('refuses %j', (credentials, missing) => {
    expect(() => assertBotConfig('tenant', credentials)).toThrow(BotConfigError);
    expect(() => assertBotConfig('tenant', credentials)).toThrow(`${missing} saknas i konfigurationen`);
  });

  it('accepts complete credentials, and local mode needs none', () => {
    expect(() => assertBotConfig('tenant', { clientId: 'a', clientSecret: 'b', tenantId: 'c' })).not.toThrow();
    expect(() => assertBotConfig('local', undefined)).not.toThrow();
  });

  it('the server refuses to mount the bot in tenant mode without them', async () => {
    await expect(mountBot(express(), inMemoryDeps({ config: { mode: 'tenant' } }))).rejects.toThrow(BotConfigError);
  });

  it('with credentials, an activity without a Bot Framework token gets 401 and no answer', async () => {
    const deps = inMemoryDeps({
      config: {
        mode: 'tenant',
        credentials: { clientId: '11111111-2222-4333-8444-555555555555', clientSecret: 'secret', tenantId: 'tid' },
      },
    });
    const server = await startBotServer(deps);
    try {
      const before = connector.activities.length;
      const response = await post(server, personalMessage(connector.url, MEMBER(), 'möten'));
      expect(response.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(connector.activities.length).toBe(before);
    } finally {
      await server.close();
    }
  });
});

describe('local mode accepts unauthenticated activities from this machine only', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:10.0.0.1', false],
    ['fd00::2', false],
    [undefined, false],
  ])('%s is loopback: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4');

  // Needs a non-loopback interface to call from; every CI container and workstation has one.
  (external ? it : it.skip)('a request over a non-loopback interface gets 401 and no answer', async () => {
    const server = await startBotServer(inMemoryDeps(), '0.0.0.0');
    try {
      const port = new URL(server.url).port;
      const before = connector.activities.length;
      const response = await fetch(`http://${external!.address}:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage(connector.url, MEMBER(), 'möten')),
      });
      expect(response.status).toBe(401);
      const loopback = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage(connector.url, MEMBER(), 'möten')),
      });
      expect(loopback.status).toBe(200);
      await connector.waitFor(before + 1);
      expect(connector.activities.length).toBe(before + 1);
    } finally {
      await server.close();
    }
  });

  it('ignores the Graph app’s CLIENT_ID/CLIENT_SECRET in the environment: replies carry no token', async () => {
    const saved = { id: process.env.CLIENT_ID, secret: process.env.CLIENT_SECRET };
    process.env.CLIENT_ID = '11111111-2222-4333-8444-555555555555';
    process.env.CLIENT_SECRET = 'graph-app-secret';
    try {
      const server = await startBotServer(inMemoryDeps());
      try {
        const before = connector.activities.length;
        expect((await post(server, personalMessage(connector.url, MEMBER(), 'möten'))).status).toBe(200);
        const [reply] = (await connector.waitFor(before + 1)).slice(before);
        expect(reply?.authorization).toBeUndefined();
      } finally {
        await server.close();
      }
    } finally {
      if (saved.id === undefined) delete process.env.CLIENT_ID;
      else process.env.CLIENT_ID = saved.id;
      if (saved.secret === undefined) delete process.env.CLIENT_SECRET;
      else process.env.CLIENT_SECRET = saved.secret;
    }
  });
});

describe('a failure behind the bot', () => {
  it('is answered with an error card that does not leak the internal message', async () => {
    const deps = inMemoryDeps({
      upcomingMeetings: async () => {
        throw new Error('GraphRequestError 503 at https://graph.local/v1.0/sites/x');
      },
    });
    const server = await startBotServer(deps);
    try {
      const before = connector.activities.length;
      expect((await post(server, personalMessage(connector.url, MEMBER(), 'möten'))).status).toBe(200);
      const [reply] = (await connector.waitFor(before + 1)).slice(before);
      const text = cardText(cardOf(reply!));
      expect(text).toContain('Boten kunde inte hämta uppgifterna just nu.');
      expect(text).not.toContain('GraphRequestError');
      const invoke = await post(server, cardExecute(connector.url, MEMBER(), 'command', { command: 'möten' }));
      expect(cardText((invoke.body as { value: unknown }).value)).toContain('Något gick fel');
    } finally {
      await server.close();
    }
  });
});
