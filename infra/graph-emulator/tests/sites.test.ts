import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ColumnDefinition, FieldValueSet, List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { startTenant, type RunningTenant } from '../src/index';
import { SITE_HOSTNAME, SITE_PATH } from '../src/resources/sitesConfig';
import { appClient, CHAIR, control, startTestTenant, userClient, TEST_APP } from './support';

const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The one place the tests build OData string literals, as the app's gateway must: quotes doubled. */
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

type Fields = FieldValueSet & Record<string, unknown>;

describe('local tenant: SharePoint sites, lists, columns and items', () => {
  let tenant: RunningTenant;
  let app: Client;
  let chair: Client;
  let siteId: string;
  let sitePath: string;

  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await appClient(tenant);
    chair = await userClient(tenant, CHAIR);
    const site = (await app.api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}`).get()) as Site;
    siteId = site.id!;
    sitePath = `/sites/${siteId}`;
  });
  afterAll(async () => tenant.close());

  const createList = (client: Client, displayName: string, columns: ColumnDefinition[] = []) =>
    client.api(`${sitePath}/lists`).post({ displayName, list: { template: 'genericList' }, columns }) as Promise<List>;

  describe('sites', () => {
    it('addresses the Region site by path, by composite id, and the tenant root', async () => {
      const byPath = (await app.api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}`).get()) as Site;
      expect(byPath.id).toMatch(new RegExp(`^${SITE_HOSTNAME.replace(/\./g, '\\.')},${GUID},${GUID}$`));
      expect(byPath.displayName).toBe('Plan- och byggsamverkan Västerbotten');
      expect(byPath.webUrl).toBe(`https://${SITE_HOSTNAME}${SITE_PATH}`);
      expect(byPath).not.toHaveProperty('xServerRelativePath');
      const byId = (await app.api(`/sites/${byPath.id}`).get()) as Site;
      expect(byId.id).toBe(byPath.id);
      const root = (await app.api('/sites/root').get()) as Site;
      expect(root.root).toEqual({});
      expect(root.id).not.toBe(byPath.id);
      const listsViaPath = (await app.api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists`).get()) as Page<List>;
      expect(Array.isArray(listsViaPath.value)).toBe(true);
    });

    it('answers 404 for an unknown site, by path and by id', async () => {
      await expect(app.api(`/sites/${SITE_HOSTNAME}:/sites/finnsinte`).get()).rejects.toMatchObject({
        statusCode: 404,
        code: 'itemNotFound',
      });
      await expect(
        app
          .api(`/sites/${SITE_HOSTNAME},00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000`)
          .get(),
      ).rejects.toMatchObject({ statusCode: 404 });
    });
  });

  describe('lists and columns', () => {
    let groups: List;
    let actions: List;

    beforeAll(async () => {
      groups = await createList(app, 'Grupper', [{ name: 'Code', text: {}, indexed: true, enforceUniqueValues: true }]);
      actions = await createList(app, 'WG Actions', [
        { name: 'Notes', text: { allowMultipleLines: true } },
        { name: 'Hours', number: { decimalPlaces: 'one', minimum: 0, maximum: 100 }, indexed: true },
        { name: 'Budget', currency: { locale: 'sv-SE' } },
        { name: 'Due', dateTime: { format: 'dateOnly', displayAs: 'standard' }, indexed: true },
        { name: 'Done', boolean: {} },
        {
          name: 'Status',
          choice: { choices: ['Öppen', 'Klar'], displayAs: 'dropDownMenu', allowTextEntry: false },
          indexed: true,
          required: true,
        },
        { name: 'Tags', choice: { choices: ['a', 'b', 'c'], displayAs: 'checkBoxes' } },
        { name: 'Owner', personOrGroup: { chooseFromType: 'peopleOnly', allowMultipleSelection: false } },
        { name: 'Helpers', personOrGroup: { chooseFromType: 'peopleOnly', allowMultipleSelection: true } },
        { name: 'Group', lookup: { listId: groups.id!, columnName: 'Title' } },
      ]);
    });

    it('creates a genericList with the shape Graph returns', () => {
      expect(actions.id).toMatch(new RegExp(`^${GUID}$`));
      expect(actions.name).toBe('WGActions');
      expect(actions.displayName).toBe('WG Actions');
      expect(actions.webUrl).toBe(`https://${SITE_HOSTNAME}${SITE_PATH}/Lists/WGActions`);
      expect(actions.list).toEqual({ template: 'genericList', hidden: false, contentTypesEnabled: false });
      expect(Date.parse(actions.createdDateTime!)).not.toBeNaN();
      expect(actions).not.toHaveProperty('xSiteId');
    });

    it('answers 409 nameAlreadyExists for a second list of the same title', async () => {
      await expect(createList(app, 'wg actions')).rejects.toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
    });

    it('finds a list by id, by name and by displayName, filters lists, and 404s an unknown one', async () => {
      for (const key of [actions.id!, 'WGActions', encodeURIComponent('WG Actions')]) {
        const list = (await app.api(`${sitePath}/lists/${key}`).get()) as List;
        expect(list.id).toBe(actions.id);
      }
      const filtered = (await app
        .api(`${sitePath}/lists`)
        .filter(`displayName eq ${odataString('WG Actions')}`)
        .select('id,displayName')
        .get()) as Page<List>;
      expect(filtered.value).toEqual([{ id: actions.id, displayName: 'WG Actions' }]);
      await expect(app.api(`${sitePath}/lists/Finnsinte`).get()).rejects.toMatchObject({
        statusCode: 404,
        code: 'itemNotFound',
      });
    });

    it('lists columns with Title required and the declared types, and expands columns on a list', async () => {
      const columns = (await app.api(`${sitePath}/lists/${actions.id}/columns`).get()) as Page<ColumnDefinition>;
      const title = columns.value.find((c) => c.name === 'Title');
      expect(title).toMatchObject({ required: true, readOnly: false, text: { maxLength: 255 } });
      expect(columns.value.find((c) => c.name === 'Created')).toMatchObject({
        readOnly: true,
        dateTime: { format: 'dateTime' },
      });
      expect(columns.value.find((c) => c.name === 'Status')).toMatchObject({
        indexed: true,
        required: true,
        choice: { choices: ['Öppen', 'Klar'], allowTextEntry: false },
      });
      expect(columns.value.find((c) => c.name === 'Group')?.lookup).toMatchObject({
        listId: groups.id,
        columnName: 'Title',
      });
      const expanded = (await app.api(`${sitePath}/lists/${actions.id}`).expand('columns').get()) as List;
      expect(expanded.columns?.map((c) => c.name)).toContain('Budget');
    });

    it('adds a column later, and refuses a duplicate name with 409 and two type facets with 400', async () => {
      const added = (await app
        .api(`${sitePath}/lists/${actions.id}/columns`)
        .post({ name: 'Comment', displayName: 'Kommentar', text: {} })) as ColumnDefinition;
      expect(added).toMatchObject({
        name: 'Comment',
        displayName: 'Kommentar',
        text: { allowMultipleLines: false, maxLength: 255 },
      });
      expect(added.id).toMatch(new RegExp(`^${GUID}$`));
      await expect(
        app.api(`${sitePath}/lists/${actions.id}/columns`).post({ name: 'comment', text: {} }),
      ).rejects.toMatchObject({
        statusCode: 409,
        code: 'nameAlreadyExists',
      });
      await expect(
        app.api(`${sitePath}/lists/${actions.id}/columns`).post({ name: 'Both', text: {}, number: {} }),
      ).rejects.toMatchObject({
        statusCode: 400,
      });
      await expect(
        createList(app, 'Trasig', [{ name: 'X', boolean: {}, choice: { choices: ['a'] } }]),
      ).rejects.toMatchObject({ statusCode: 400 });
      await expect(app.api(`${sitePath}/lists/Trasig`).get()).rejects.toMatchObject({ statusCode: 404 });
    });

    it('updates a column: settings and its facet, never its name or type', async () => {
      const columns = `${sitePath}/lists/${actions.id}/columns`;
      const created = (await app.api(columns).post({ name: 'Phase', choice: { choices: ['A'] } })) as ColumnDefinition;
      const updated = (await app
        .api(`${columns}/${created.id}`)
        .patch({ displayName: 'Fas', indexed: true, choice: { choices: ['A', 'B'] } })) as ColumnDefinition;
      expect(updated).toMatchObject({
        id: created.id,
        name: 'Phase',
        displayName: 'Fas',
        indexed: true,
        choice: { choices: ['A', 'B'] },
      });
      const reread = (await app.api(`${columns}/Phase`).get()) as ColumnDefinition;
      expect(reread.choice?.choices).toEqual(['A', 'B']);
      await expect(app.api(`${columns}/${created.id}`).patch({ name: 'Other' })).rejects.toMatchObject({
        statusCode: 400,
      });
      await expect(app.api(`${columns}/${created.id}`).patch({ number: {} })).rejects.toMatchObject({
        statusCode: 400,
      });
      await expect(app.api(`${columns}/Created`).patch({ displayName: 'Skapad' })).rejects.toMatchObject({
        statusCode: 403,
      });
      await app.api(`${columns}/${created.id}`).delete();
      await expect(app.api(`${columns}/${created.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
    });

    it('deletes a list', async () => {
      const temporary = await createList(app, 'Tillfällig');
      await app.api(`${sitePath}/lists/${temporary.id}`).delete();
      await expect(app.api(`${sitePath}/lists/${temporary.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
    });

    describe('items', () => {
      const items = () => `${sitePath}/lists/${actions.id}/items`;
      let chairLookupId: number;
      let groupItem: ListItem;

      beforeAll(async () => {
        groupItem = (await app
          .api(`${sitePath}/lists/${groups.id}/items`)
          .post({ fields: { Title: 'Arbetsgrupp Bygglov', Code: 'AG1' } })) as ListItem;
      });

      it('creates an item as the delegated user: integer id, eTag, createdBy and system fields', async () => {
        const created = (await chair.api(items()).post({
          fields: {
            Title: 'Första',
            Status: 'Öppen',
            Hours: 2.5,
            Budget: 1200,
            Due: '2026-09-01',
            Done: false,
            Notes: 'rad 1\nrad 2',
          },
        })) as ListItem;
        expect(created.id).toBe('1');
        expect(created.eTag).toMatch(new RegExp(`^"${GUID},1"$`));
        expect((created as Record<string, unknown>)['@odata.etag']).toBe(created.eTag);
        expect(created.createdBy?.user).toMatchObject({ displayName: 'Maria Bergström', email: CHAIR });
        expect(created.lastModifiedBy?.user?.displayName).toBe('Maria Bergström');
        const fields = created.fields as Fields;
        expect(fields).toMatchObject({
          '@odata.etag': created.eTag,
          id: '1',
          Title: 'Första',
          Status: 'Öppen',
          Hours: 2.5,
          Budget: 1200,
          // A date-only value is midnight of that date in the site's time zone (W. Europe), in UTC.
          Due: '2026-08-31T22:00:00Z',
          Done: false,
          ContentType: 'Item',
          _UIVersionString: '1.0',
        });
        expect(fields.Created).toBe(created.createdDateTime);
        expect(fields.AuthorLookupId).toMatch(/^\d+$/);
        chairLookupId = Number(fields.AuthorLookupId);

        const again = (await app.api(items()).post({ fields: { Title: 'Andra', Status: 'Klar' } })) as ListItem;
        expect(again.id).toBe('2');
        expect(again.createdBy?.application?.id).toBe(tenant.clientId);
      });

      it('writes person and lookup columns as {Name}LookupId, multi-values with their @odata.type', async () => {
        const created = (await app.api(items()).post({
          fields: {
            Title: 'Med personer',
            Status: 'Öppen',
            OwnerLookupId: chairLookupId,
            'HelpersLookupId@odata.type': 'Collection(Edm.Int32)',
            HelpersLookupId: [chairLookupId],
            GroupLookupId: Number(groupItem.id),
            'Tags@odata.type': 'Collection(Edm.String)',
            Tags: ['a', 'c'],
          },
        })) as ListItem;
        const fields = created.fields as Fields;
        expect(fields.OwnerLookupId).toBe(String(chairLookupId));
        expect(fields.GroupLookupId).toBe(groupItem.id);
        expect(fields.Helpers).toEqual([{ LookupId: chairLookupId, LookupValue: 'Maria Bergström', Email: CHAIR }]);
        expect(fields.Tags).toEqual(['a', 'c']);
        await expect(
          app.api(items()).post({ fields: { Title: 'x', Status: 'Öppen', Owner: chairLookupId } }),
        ).rejects.toMatchObject({ statusCode: 400 });
        await expect(
          app.api(items()).post({ fields: { Title: 'x', Status: 'Öppen', GroupLookupId: 999 } }),
        ).rejects.toMatchObject({ statusCode: 400 });
        await expect(
          app.api(items()).post({ fields: { Title: 'x', Status: 'Öppen', HelpersLookupId: [chairLookupId] } }),
        ).rejects.toMatchObject({
          statusCode: 400,
        });
      });

      it.each([
        ['an unknown field', { Nope: 1 }, /Field 'Nope' is not recognized/],
        ['text in a number column', { Hours: '3' }, /Hours/],
        ['a number outside the column bounds', { Hours: 101 }, /Hours/],
        ['a date that is not ISO 8601', { Due: '1/9/2026' }, /Due/],
        ['a string in a boolean column', { Done: 'yes' }, /Done/],
        ['a choice outside the choices', { Status: 'Kanske' }, /Kanske/],
        ['a read-only field', { Created: '2026-01-01T00:00:00Z' }, /read-only/],
      ])('refuses %s with 400 invalidRequest', async (_case, extra, message) => {
        await expect(
          app.api(items()).post({ fields: { Title: 'Fel', Status: 'Öppen', ...extra } }),
        ).rejects.toMatchObject({
          statusCode: 400,
          code: 'invalidRequest',
          message: expect.stringMatching(message),
        });
      });

      it('refuses an item without a required field', async () => {
        await expect(app.api(items()).post({ fields: { Title: 'Utan status' } })).rejects.toMatchObject({
          statusCode: 400,
          message: expect.stringContaining('Status'),
        });
        await expect(app.api(items()).post({ fields: { Status: 'Öppen' } })).rejects.toMatchObject({
          statusCode: 400,
          message: expect.stringContaining('Title'),
        });
      });

      it('enforces unique values on a column that asks for them', async () => {
        await expect(
          app.api(`${sitePath}/lists/${groups.id}/items`).post({ fields: { Title: 'Kopia', Code: 'ag1' } }),
        ).rejects.toMatchObject({
          statusCode: 409,
        });
      });

      it('gets an item (fields on $expand), its fields, and 404 for an unknown item', async () => {
        const bare = (await app.api(`${items()}/1`).get()) as ListItem;
        expect(bare.id).toBe('1');
        expect(bare).not.toHaveProperty('fields');
        const expanded = (await app.api(`${items()}/1`).expand('fields($select=Title,Hours)').get()) as ListItem;
        expect(expanded.fields).toEqual({ '@odata.etag': bare.eTag, Title: 'Första', Hours: 2.5 });
        const selected = (await app.api(`${items()}/1`).select('id,createdBy').get()) as ListItem;
        expect(Object.keys(selected).sort()).toEqual(['@odata.context', '@odata.etag', 'createdBy', 'id']);
        const fields = (await app.api(`${items()}/1/fields`).get()) as Fields;
        expect(fields.Title).toBe('Första');
        await expect(app.api(`${items()}/9999`).get()).rejects.toMatchObject({ statusCode: 404, code: 'itemNotFound' });
        await expect(app.api(`${items()}/9999/fields`).patch({ Title: 'x' })).rejects.toMatchObject({
          statusCode: 404,
        });
      });

      it('updates fields with If-Match: 200 with all fields, version increments, stale eTag is 412', async () => {
        const before = (await app.api(`${items()}/1`).get()) as ListItem;
        const updated = (await chair
          .api(`${items()}/1/fields`)
          .header('If-Match', before.eTag!)
          .patch({ Status: 'Klar' })) as Fields;
        expect(updated).toMatchObject({
          Status: 'Klar',
          Title: 'Första',
          Hours: 2.5,
          Budget: 1200,
          _UIVersionString: '2.0',
        });
        expect(updated['@odata.etag']).toMatch(/,2"$/);
        await expect(
          chair.api(`${items()}/1/fields`).header('If-Match', before.eTag!).patch({ Status: 'Öppen' }),
        ).rejects.toMatchObject({
          statusCode: 412,
          code: 'preconditionFailed',
        });
        const unquoted = String(updated['@odata.etag']).replace(/"/g, '');
        const third = (await chair
          .api(`${items()}/1/fields`)
          .header('If-Match', unquoted)
          .patch({ Hours: null })) as Fields;
        expect(third._UIVersionString).toBe('3.0');
        expect(third).not.toHaveProperty('Hours');
        const fourth = (await chair.api(`${items()}/1/fields`).header('If-Match', '*').patch({ Hours: 4 })) as Fields;
        expect(fourth['@odata.etag']).toMatch(/,4"$/);
        await expect(chair.api(`${items()}/1/fields`).patch({ Status: null })).rejects.toMatchObject({
          statusCode: 400,
        });
        await expect(chair.api(`${items()}/1/fields`).patch({ Hours: 'fyra' })).rejects.toMatchObject({
          statusCode: 400,
        });
        const after = (await app.api(`${items()}/1`).expand('fields').get()) as ListItem;
        expect((after.fields as Fields).Status).toBe('Klar');
        expect(after.lastModifiedBy?.user?.displayName).toBe('Maria Bergström');
      });

      it('deletes an item, honouring If-Match', async () => {
        const doomed = (await app.api(items()).post({ fields: { Title: 'Radera mig', Status: 'Öppen' } })) as ListItem;
        await expect(
          app.api(`${items()}/${doomed.id}`).header('If-Match', '"00000000-0000-0000-0000-000000000000,1"').delete(),
        ).rejects.toMatchObject({
          statusCode: 412,
        });
        await app.api(`${items()}/${doomed.id}`).header('If-Match', doomed.eTag!).delete();
        await expect(app.api(`${items()}/${doomed.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
      });

      it('filters on a literal with URL-significant characters when the client encodes the filter', async () => {
        const title = "Berg & Co+ 100% #1 'x'";
        await app.api(items()).post({ fields: { Title: title, Status: 'Öppen' } });
        const found = (await app
          .api(items())
          .header('Prefer', PREFER_NON_INDEXED)
          .query({ $filter: encodeURIComponent(`fields/Title eq ${odataString(title)}`) })
          .expand('fields($select=Title)')
          .get()) as Page<ListItem>;
        expect(found.value.map((i) => (i.fields as Fields).Title)).toEqual([title]);
      });

      it('refuses query options it does not implement', async () => {
        await expect(app.api(items()).query({ $search: 'x' }).get()).rejects.toMatchObject({ statusCode: 400 });
        await expect(app.api(items()).expand('driveItem').get()).rejects.toMatchObject({ statusCode: 400 });
        await expect(app.api(items()).select('nope').get()).rejects.toMatchObject({ statusCode: 400 });
      });
    });
  });

  describe('filtering, ordering and paging', () => {
    let people: List;
    const items = () => `${sitePath}/lists/${people.id}/items`;
    const query = (filter: string, prefer = false) => {
      const request = app.api(items()).expand('fields($select=Title,Age)').filter(filter).top(500);
      return (prefer ? request.header('Prefer', PREFER_NON_INDEXED) : request).get() as Promise<Page<ListItem>>;
    };
    const titles = (page: Page<ListItem>) => page.value.map((i) => (i.fields as Fields).Title).sort();

    beforeAll(async () => {
      people = await createList(app, 'Personer', [
        { name: 'Surname', text: {}, indexed: true },
        { name: 'Age', number: {}, indexed: true },
        { name: 'Born', dateTime: { format: 'dateTime' }, indexed: true },
        { name: 'Active', boolean: {}, indexed: true },
        { name: 'Town', text: {} },
      ]);
      const rows = [
        { Title: 'Anna', Surname: "O'Brien", Age: 34, Born: '1991-03-04T08:00:00Z', Active: true, Town: 'Umeå' },
        { Title: 'Bo', Surname: 'Obrien', Age: 51, Born: '1974-11-20T10:00:00Z', Active: false, Town: 'Lycksele' },
        { Title: 'Cecilia', Surname: 'Öberg', Age: 28, Born: '1997-06-01T00:00:00Z', Active: true, Town: 'Umeå' },
        { Title: 'David', Surname: "x' or fields/Title ne 'y", Age: 45, Active: true, Town: 'Skellefteå' },
        { Title: 'Erik', Age: 60, Born: '1965-01-15T12:00:00Z', Active: false },
      ];
      const requests = rows.map((fields, i) => ({
        id: String(i + 1),
        method: 'POST',
        url: `/sites/${siteId}/lists/${people.id}/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields },
        // Sequential, so that item ids follow the rows (the `id le 2` case relies on it).
        ...(i > 0 ? { dependsOn: [String(i)] } : {}),
      }));
      const batch = (await app.api('/$batch').post({ requests })) as { responses: { id: string; status: number }[] };
      expect(batch.responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    });

    it("finds exactly the O'Brien item with a doubled quote, and an injected literal widens nothing", async () => {
      expect(titles(await query(`fields/Surname eq ${odataString("O'Brien")}`))).toEqual(['Anna']);
      expect(titles(await query(`fields/Surname eq ${odataString("x' or fields/Title ne 'y")}`))).toEqual(['David']);
      expect(titles(await query(`fields/Surname eq ${odataString("nobody' or fields/Title ne 'y")}`))).toEqual([]);
    });

    it('combines eq, ne, lt, le, gt, ge, startswith, and, or, not and parentheses', async () => {
      expect(titles(await query('fields/Age ge 45'))).toEqual(['Bo', 'David', 'Erik']);
      expect(titles(await query('fields/Age lt 34 or fields/Age gt 59'))).toEqual(['Cecilia', 'Erik']);
      expect(titles(await query('fields/Age le 34 and fields/Active eq true'))).toEqual(['Anna', 'Cecilia']);
      expect(titles(await query('not (fields/Active eq true) and fields/Age ne 60'))).toEqual(['Bo']);
      expect(titles(await query("startswith(fields/Surname,'ob')"))).toEqual(['Bo']);
      expect(titles(await query("(fields/Age eq 34 or fields/Age eq 51) and startswith(fields/Surname,'O')"))).toEqual([
        'Anna',
        'Bo',
      ]);
      expect(titles(await query('fields/Surname eq null'))).toEqual(['Erik']);
      expect(titles(await query('fields/Born lt 1980-01-01T00:00:00Z'))).toEqual(['Bo', 'Erik']);
      expect(titles(await query("fields/Born ge '1990-01-01T00:00:00Z'"))).toEqual(['Anna', 'Cecilia']);
      expect(titles(await query('id le 2'))).toEqual(['Anna', 'Bo']);
    });

    it('filters on Title without Prefer once the Title column is indexed', async () => {
      await expect(query("fields/Title eq 'Bo'")).rejects.toMatchObject({ statusCode: 400 });
      await app.api(`${sitePath}/lists/${people.id}/columns/Title`).patch({ indexed: true });
      expect(titles(await query("fields/Title eq 'Bo'"))).toEqual(['Bo']);
    });

    it('needs the Prefer header to filter on a column that is not indexed', async () => {
      await expect(query("fields/Town eq 'Umeå'")).rejects.toMatchObject({
        statusCode: 400,
        code: 'invalidRequest',
        message:
          "Field 'Town' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
      });
      expect(titles(await query("fields/Town eq 'Umeå'", true))).toEqual(['Anna', 'Cecilia']);
      await expect(app.api(items()).orderby('fields/Town').get()).rejects.toMatchObject({ statusCode: 400 });
    });

    it.each([
      ["fields/Surname eq 'open"],
      ['fields/Age eq'],
      ['fields/Age equals 3'],
      ["fields/Age eq 'tre'"],
      ['(fields/Age eq 3'],
      ['fields/Nope eq 1'],
      [''],
    ])('answers 400 invalidRequest for the filter %p', async (filter) => {
      await expect(app.api(items()).query({ $filter: filter }).get()).rejects.toMatchObject({
        statusCode: 400,
        code: 'invalidRequest',
      });
    });

    it('orders by a field, ascending or descending', async () => {
      const byAge = (await app
        .api(items())
        .expand('fields($select=Title)')
        .orderby('fields/Age desc')
        .get()) as Page<ListItem>;
      expect(byAge.value.map((i) => (i.fields as Fields).Title)).toEqual(['Erik', 'Bo', 'David', 'Anna', 'Cecilia']);
    });

    it('pages 250 items by @odata.nextLink to the end, 200 to a page by default', async () => {
      const big = await createList(app, 'Många');
      for (let start = 0; start < 250; start += 20) {
        const requests = Array.from({ length: 20 }, (_, i) => ({
          id: String(i + 1),
          method: 'POST',
          url: `/sites/${siteId}/lists/${big.id}/items`,
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: `Rad ${start + i + 1}` } },
        })).filter((_, i) => start + i < 250);
        const batch = (await app.api('/$batch').post({ requests })) as { responses: { status: number }[] };
        expect(batch.responses.every((r) => r.status === 201)).toBe(true);
      }
      const seen: string[] = [];
      let next: string | undefined = `${sitePath}/lists/${big.id}/items?$expand=fields($select=Title)`;
      let pages = 0;
      while (next) {
        // The Graph client takes absolute URLs only over https; the local tenant is http on loopback.
        const page = (await app.api(next.replace(tenant.graphUrl, '')).get()) as Page<ListItem>;
        pages++;
        seen.push(...page.value.map((i) => i.id!));
        next = page['@odata.nextLink'];
        if (next) expect(next).toContain('$skiptoken=');
      }
      expect(pages).toBe(2);
      expect(seen).toHaveLength(250);
      expect(new Set(seen).size).toBe(250);
      expect(seen[249]).toBe('250');

      const small = (await app.api(`${sitePath}/lists/${big.id}/items`).top(100).get()) as Page<ListItem>;
      expect(small.value).toHaveLength(100);
      expect(small['@odata.nextLink']).toBeDefined();
    });
  });

  describe('permissions', () => {
    it('reads with Sites.Read.All but refuses writes with 403', async () => {
      const reader = await startTestTenant({ app: { applicationPermissions: ['Sites.Read.All'] } });
      try {
        const client = await appClient(reader);
        const site = (await client.api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}`).get()) as Site;
        await expect(client.api(`/sites/${site.id}/lists`).post({ displayName: 'Nej' })).rejects.toMatchObject({
          statusCode: 403,
        });
      } finally {
        await reader.close();
      }
    });

    it('writes items and (app-only) lists with Sites.ReadWrite.All but needs Sites.Manage.All for columns', async () => {
      const dbFile = join(mkdtempSync(join(tmpdir(), 'local-tenant-')), 'tenant.sqlite');
      const manager = await startTenant({ port: 0, dbFile, app: TEST_APP });
      let listId: string;
      try {
        const list = (await (
          await appClient(manager)
        )
          .api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists`)
          .post({ displayName: 'Delad' })) as List;
        listId = list.id!;
      } finally {
        await manager.close();
      }
      const writerTenant = await startTenant({
        port: 0,
        dbFile,
        app: { applicationPermissions: ['Sites.ReadWrite.All'] },
      });
      try {
        const writer = await appClient(writerTenant);
        const lists = `/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists`;
        const item = (await writer.api(`${lists}/${listId}/items`).post({ fields: { Title: 'Skrivbar' } })) as ListItem;
        expect(item.id).toBe('1');
        // Microsoft's table for creating a list app-only names Sites.ReadWrite.All as a higher permission.
        expect(((await writer.api(lists).post({ displayName: 'Ja' })) as List).id).toBeDefined();
        await expect(writer.api(`${lists}/${listId}/columns`).post({ name: 'Nej', text: {} })).rejects.toMatchObject({
          statusCode: 403,
        });
        await expect(writer.api(`${lists}/${listId}`).delete()).rejects.toMatchObject({ statusCode: 403 });
      } finally {
        await writerTenant.close();
      }
    });
  });

  it('sees writes another tenant process made to the same database, and a reset empties the site', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'local-tenant-')), 'tenant.sqlite');
    const writerTenant = await startTenant({ port: 0, dbFile, app: TEST_APP });
    const readerTenant = await startTenant({ port: 0, dbFile, app: TEST_APP });
    try {
      const writer = await appClient(writerTenant);
      const reader = await appClient(readerTenant);
      const lists = `/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists`;
      const list = (await writer.api(lists).post({ displayName: 'Delad läsning' })) as List;
      const count = async () => ((await reader.api(`${lists}/${list.id}/items`).get()) as Page<ListItem>).value.length;
      await writer.api(`${lists}/${list.id}/items`).post({ fields: { Title: 'Ett' } });
      expect(await count()).toBe(1);
      await writer.api(`${lists}/${list.id}/items`).post({ fields: { Title: 'Två' } });
      expect(await count()).toBe(2);
      await writer.api(`${lists}/${list.id}/items/1`).delete();
      expect(await count()).toBe(1);
      expect((await control(readerTenant, 'POST', '/reset')).ok).toBe(true);
      await expect(reader.api(`${lists}/${list.id}/items`).get()).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await writerTenant.close();
      await readerTenant.close();
    }
  });

  it('keeps lists and items across a restart of the tenant', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'local-tenant-')), 'tenant.sqlite');
    const first = await startTenant({ port: 0, dbFile, app: TEST_APP });
    let listId: string;
    try {
      const client = await appClient(first);
      const list = (await client
        .api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists`)
        .post({ displayName: 'Beständig' })) as List;
      listId = list.id!;
      await client
        .api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists/${listId}/items`)
        .post({ fields: { Title: 'Kvar efter omstart' } });
    } finally {
      await first.close();
    }
    const second = await startTenant({ port: 0, dbFile, app: TEST_APP });
    try {
      const client = await appClient(second);
      const item = (await client
        .api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists/${listId}/items/1`)
        .expand('fields')
        .get()) as ListItem;
      expect((item.fields as Fields).Title).toBe('Kvar efter omstart');
      const next = (await client
        .api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}:/lists/${listId}/items`)
        .post({ fields: { Title: 'Nästa' } })) as ListItem;
      expect(next.id).toBe('2');
    } finally {
      await second.close();
    }
  });
});
