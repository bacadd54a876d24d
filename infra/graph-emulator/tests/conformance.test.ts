import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { List, ListItem, Site, User } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { SITE_HOSTNAME, SITE_PATH } from '../src/resources/sitesConfig';
import { appClient, startTestTenant } from './support';

/**
 * The same checks against the local tenant (always) and, when GRAPH_CONFORMANCE_* is set, against a real
 * Microsoft 365 tenant: what the app relies on must behave alike in both. App-only, so it needs only the
 * app registration's secret (docs/deployment.md). Each run creates its own list (named with a run id) and
 * deletes it at the end.
 */
interface Target {
  name: string;
  client: () => Promise<Client>;
  site: { hostname: string; path: string };
  close?: () => Promise<void>;
}

const live = {
  tenantId: process.env.GRAPH_CONFORMANCE_TENANT_ID,
  clientId: process.env.GRAPH_CONFORMANCE_CLIENT_ID,
  clientSecret: process.env.GRAPH_CONFORMANCE_CLIENT_SECRET,
  /** hostname:/server-relative-path, e.g. contoso.sharepoint.com:/sites/planochbygg */
  site: process.env.GRAPH_CONFORMANCE_SITE,
};

async function liveClient(): Promise<Client> {
  const { Client: GraphClient } = await import('@microsoft/microsoft-graph-client');
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: live.clientId!,
      clientSecret: live.clientSecret!,
      authority: `https://login.microsoftonline.com/${live.tenantId!}`,
    },
  });
  return GraphClient.initWithMiddleware({
    authProvider: {
      getAccessToken: async () => {
        const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
        if (!result) throw new Error('no token');
        return result.accessToken;
      },
    },
  });
}

const targets: Target[] = [];
let localTenant: RunningTenant | undefined;
targets.push({
  name: 'local tenant',
  client: async () => appClient(localTenant!),
  site: { hostname: SITE_HOSTNAME, path: SITE_PATH },
});
if (live.tenantId && live.clientId && live.clientSecret && live.site) {
  const [hostname, path] = live.site.split(':');
  targets.push({ name: 'real tenant', client: liveClient, site: { hostname: hostname!, path: path ?? '/' } });
}

beforeAll(async () => {
  localTenant = await startTestTenant();
});
afterAll(async () => localTenant?.close());

describe.each(targets)('Graph conformance: $name', (target) => {
  let client: Client;
  let siteId: string;
  let list: List;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    client = await target.client();
    const site = (await client.api(`/sites/${target.site.hostname}:${target.site.path}`).get()) as Site;
    siteId = site.id!;
    list = (await client.api(`/sites/${siteId}/lists`).post({
      displayName: `Konformitet ${run}`,
      list: { template: 'genericList' },
      columns: [
        { name: 'Kommun', text: {}, indexed: true },
        { name: 'Belopp', number: {} },
      ],
    })) as List;
  });

  afterAll(async () => {
    if (list?.id) await client.api(`/sites/${siteId}/lists/${list.id}`).delete();
  });

  it('addresses the site by hostname and path and finds the created list', async () => {
    expect(siteId).toContain(',');
    const again = (await client.api(`/sites/${siteId}/lists/${list.id!}`).get()) as List;
    expect(again.displayName).toBe(`Konformitet ${run}`);
  });

  it('writes items, filters on an indexed column with an escaped quote, and pages by nextLink', async () => {
    for (const kommun of ["O'Brien", 'Umeå', 'Malå']) {
      await client
        .api(`/sites/${siteId}/lists/${list.id!}/items`)
        .post({ fields: { Title: kommun, Kommun: kommun, Belopp: 1250050 } });
    }
    const filtered = (await client
      .api(`/sites/${siteId}/lists/${list.id!}/items`)
      .query({ $expand: 'fields', $filter: encodeURIComponent("fields/Kommun eq 'O''Brien'") })
      .get()) as { value: ListItem[] };
    expect(filtered.value.map((i) => (i.fields as { Kommun: string }).Kommun)).toEqual(["O'Brien"]);

    const first = (await client.api(`/sites/${siteId}/lists/${list.id!}/items`).top(2).get()) as {
      value: ListItem[];
      '@odata.nextLink'?: string;
    };
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toBeDefined();
    const nextPath = first['@odata.nextLink']!.replace(/^https?:\/\/[^/]+\/v1\.0/, '');
    const second = (await client.api(nextPath).get()) as { value: ListItem[] };
    expect(second.value).toHaveLength(1);
  });

  it('refuses a stale If-Match with 412 and keeps the newer value', async () => {
    const item = (await client
      .api(`/sites/${siteId}/lists/${list.id!}/items`)
      .post({ fields: { Title: 'etag', Belopp: 1 } })) as ListItem;
    await client
      .api(`/sites/${siteId}/lists/${list.id!}/items/${item.id!}/fields`)
      .header('If-Match', item.eTag!)
      .patch({ Belopp: 2 });
    await expect(
      client
        .api(`/sites/${siteId}/lists/${list.id!}/items/${item.id!}/fields`)
        .header('If-Match', item.eTag!)
        .patch({ Belopp: 3 }),
    ).rejects.toMatchObject({ statusCode: 412 } as Partial<GraphError>);
    const now = (await client
      .api(`/sites/${siteId}/lists/${list.id!}/items/${item.id!}`)
      .expand('fields')
      .get()) as ListItem;
    expect((now.fields as { Belopp: number }).Belopp).toBe(2);
  });

  it('answers errors in Graph format and $batch per request', async () => {
    const missing = client.api(`/sites/${siteId}/lists/${randomUUID()}`).get();
    await expect(missing).rejects.toMatchObject({ statusCode: 404 } as Partial<GraphError>);
    const batch = (await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: `/sites/${siteId}/lists/${list.id!}` },
        { id: '2', method: 'GET', url: `/sites/${siteId}/lists/${randomUUID()}` },
      ],
    })) as { responses: { id: string; status: number }[] };
    expect(Object.fromEntries(batch.responses.map((r) => [r.id, r.status]))).toEqual({ '1': 200, '2': 404 });
  });

  it('lists users with paging', async () => {
    const users = (await client.api('/users').top(1).select('id,displayName').get()) as {
      value: User[];
      '@odata.nextLink'?: string;
    };
    expect(users.value).toHaveLength(1);
    expect(users['@odata.nextLink']).toBeDefined();
  });
});
