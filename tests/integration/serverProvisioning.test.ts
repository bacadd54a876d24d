import { afterEach, describe, expect, it, jest } from '@jest/globals';

jest.setTimeout(60_000);
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import { provisionLists } from '../../api/services/provisioning';
import { LISTS, LIST_KEYS, SiteDirectory } from '../../api/services/lists';
import { startStack, type Stack } from './support/stack';

async function snapshot(stack: Stack): Promise<Record<string, string[]>> {
  const gateway = stack.server.services.graph.forApp();
  const directory = new SiteDirectory(stack.config.site);
  const siteId = await directory.resolveSite(gateway);
  const lists: List[] = await gateway.listLists(siteId);
  const out: Record<string, string[]> = {};
  for (const list of lists) {
    const columns: ColumnDefinition[] = await gateway.listColumns(siteId, String(list.id));
    out[`${list.displayName}#${list.id}`] = columns
      .map((c) => `${c.name}:${c.displayName}:${c.indexed ? 'i' : ''}`)
      .sort();
  }
  return out;
}

describe('provisioning the SharePoint lists', () => {
  let stack: Stack | undefined;
  afterEach(async () => stack?.close());

  it('creates every list with Swedish names and typed, indexed columns; a second run changes nothing', async () => {
    stack = await startStack();
    const first = await stack.prepare();
    expect(first.lists.map((l) => l.status)).toEqual(LIST_KEYS.map(() => 'created'));
    const after = await snapshot(stack);
    const names = Object.keys(after).map((k) => k.split('#')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'Organisationer',
        'Kontakter',
        'Möten',
        'Aktiviteter',
        'Budget',
        'Utfall',
        'Beslut',
        'Arbetsgrupper',
      ]),
    );
    const contacts = Object.entries(after).find(([k]) => k.startsWith('Kontakter#'))![1];
    expect(contacts).toEqual(
      expect.arrayContaining(['Email:E-post:i', 'EntraObjectId:Entra-objekt-id:i', 'OrganisationId:Organisation:i']),
    );

    const second = await stack.prepare();
    expect(second.lists.map((l) => l.status)).toEqual(LIST_KEYS.map(() => 'found'));
    expect(second.lists.every((l) => l.columnsAdded.length === 0)).toBe(true);
    expect(second.contactsSeeded).toBe(0);
    expect(await snapshot(stack)).toEqual(after);
  });

  it('finishes a run stopped half-way, without duplicates, and adds columns a newer schema needs', async () => {
    stack = await startStack();
    const gateway = stack.server.services.graph.forApp();
    const half = Math.floor(LIST_KEYS.length / 2);
    await expect(
      provisionLists(gateway, new SiteDirectory(stack.config.site), {
        afterList: (_report, index) => {
          if (index === half - 1) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(Object.keys(await snapshot(stack))).toHaveLength(half + (await baseListCount(stack)));

    // An older run left Kontakter without a column the schema now has.
    const directory = new SiteDirectory(stack.config.site);
    const siteId = await directory.resolveSite(gateway);
    const contactsList = (await gateway.listLists(siteId)).find((l) => l.displayName === LISTS.contacts.displayName)!;
    const phone = (await gateway.listColumns(siteId, String(contactsList.id))).find((c) => c.name === 'Phone')!;
    await fetch(`${stack.tenant.graphUrl}/sites/${siteId}/lists/${contactsList.id}/columns/${phone.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await appToken(stack)}` },
    });

    const resumed = await provisionLists(gateway, new SiteDirectory(stack.config.site));
    expect(resumed.slice(0, half).map((l) => l.status)).toEqual(
      resumed.slice(0, half).map((l) => (l.key === 'contacts' ? 'updated' : 'found')),
    );
    expect(resumed.find((l) => l.key === 'contacts')!.columnsAdded).toEqual(['Phone']);
    expect(resumed.slice(half).map((l) => l.status)).toEqual(resumed.slice(half).map(() => 'created'));
    const names = Object.keys(await snapshot(stack)).map((k) => k.split('#')[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('provisioning upgrades lists an older schema made', () => {
  let stack: Stack | undefined;
  afterEach(async () => stack?.close());

  it('widens a single-line ChannelWebUrl to multiple lines, keeps its value, and holds a link over 255 characters; once', async () => {
    stack = await startStack();
    await stack.prepare();
    const gateway = stack.server.services.graph.forApp();
    const directory = new SiteDirectory(stack.config.site);
    const siteId = await directory.resolveSite(gateway);
    const groups = (await gateway.listLists(siteId)).find((l) => l.displayName === LISTS.workingGroups.displayName)!;
    const listId = String(groups.id);
    // As the older schema made it: one line of at most 255 characters.
    const old = (await gateway.listColumns(siteId, listId)).find((c) => c.name === 'ChannelWebUrl')!;
    await gateway.updateColumn(siteId, listId, String(old.id), { text: { allowMultipleLines: false, maxLength: 255 } });
    const shortUrl = 'https://teams.microsoft.com/l/channel/19%3Aabc%40thread.tacv2/Grupp';
    const item = await gateway.createItem(siteId, listId, {
      Title: 'Äldre grupp',
      ChannelWebUrl: shortUrl,
      PeriodStart: '2026-09-01',
    });
    const longUrl = `https://teams.microsoft.com/l/channel/19%3A${'a'.repeat(300)}%40thread.tacv2/Grupp`;
    await expect(
      gateway.createItem(siteId, listId, { Title: 'För lång', ChannelWebUrl: longUrl, PeriodStart: '2026-09-01' }),
    ).rejects.toMatchObject({ status: 400 });

    const upgraded = await provisionLists(gateway, directory);
    const report = upgraded.find((l) => l.key === 'workingGroups')!;
    expect(report).toMatchObject({ status: 'updated', columnsAdded: [], columnsWidened: ['ChannelWebUrl'] });
    const column = (await gateway.listColumns(siteId, listId)).find((c) => c.name === 'ChannelWebUrl')!;
    expect(column.text?.allowMultipleLines).toBe(true);
    expect((await gateway.getItem(siteId, listId, item.id)).fields.ChannelWebUrl).toBe(shortUrl);
    const long = await gateway.createItem(siteId, listId, {
      Title: 'Lång länk',
      ChannelWebUrl: longUrl,
      PeriodStart: '2026-09-01',
    });
    expect(long.fields.ChannelWebUrl).toBe(longUrl);

    const again = await provisionLists(gateway, directory);
    expect(again.find((l) => l.key === 'workingGroups')).toMatchObject({ status: 'found', columnsWidened: [] });
  });

  it('indexes an OperationKey made without an index and adds the choices `skickas` and `utkast` to Möten Status; once', async () => {
    stack = await startStack();
    await stack.prepare();
    const gateway = stack.server.services.graph.forApp();
    const directory = new SiteDirectory(stack.config.site);
    const siteId = await directory.resolveSite(gateway);
    const meetings = (await gateway.listLists(siteId)).find((l) => l.displayName === LISTS.meetings.displayName)!;
    const listId = String(meetings.id);
    const columns = await gateway.listColumns(siteId, listId);
    const key = columns.find((c) => c.name === 'OperationKey')!;
    const status = columns.find((c) => c.name === 'Status')!;
    // As an older schema made them: no index (a $filter on it is refused, as SharePoint does), three statuses.
    await gateway.updateColumn(siteId, listId, String(key.id), { indexed: false });
    await gateway.updateColumn(siteId, listId, String(status.id), {
      choice: { choices: ['planerat', 'genomfort', 'installt'] },
    });
    const lookUp = () => gateway.listItems(siteId, listId, { filter: { field: 'OperationKey', op: 'eq', value: 'k' } });
    await expect(lookUp()).rejects.toMatchObject({ status: 400 });

    const upgraded = (await provisionLists(gateway, directory)).find((l) => l.key === 'meetings')!;
    expect(upgraded).toMatchObject({ status: 'updated', columnsIndexed: ['OperationKey'], choicesAdded: ['Status'] });
    expect(await lookUp()).toEqual([]);
    const now = (await gateway.listColumns(siteId, listId)).find((c) => c.name === 'Status')!;
    expect(now.choice?.choices).toEqual(['planerat', 'genomfort', 'installt', 'skickas', 'utkast']);
    const again = (await provisionLists(gateway, directory)).find((l) => l.key === 'meetings')!;
    expect(again).toMatchObject({ status: 'found', columnsIndexed: [], choicesAdded: [] });
  });
});

async function baseListCount(stack: Stack): Promise<number> {
  const names = Object.keys(await snapshot(stack)).map((k) => k.split('#')[0]!);
  const ours = new Set(LIST_KEYS.map((k) => LISTS[k].displayName as string));
  return names.filter((n) => !ours.has(n)).length;
}

async function appToken(stack: Stack): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: stack.tenant.clientId,
    client_secret: stack.tenant.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const response = await fetch(`${stack.tenant.url}/${stack.tenant.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body,
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
