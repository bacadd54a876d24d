import { appClient, startTestTenant } from '../../infra/graph-emulator/tests/support';
import type { List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { figure, timed, type Figure } from './stats';

const ITEMS = 10_000;
const SAMPLES = 200;

/** The local tenant's own speed: item create, item get, and a filtered read over a list of 10,000 items. */
export async function run(): Promise<Figure[]> {
  const tenant = await startTestTenant();
  try {
    const client = await appClient(tenant);
    const site = (await client.api('/sites/regionvasterbotten.sharepoint.com:/sites/planochbygg').get()) as Site;
    const list = (await client.api(`/sites/${site.id}/lists`).post({
      displayName: 'Bench',
      list: { template: 'genericList' },
      columns: [{ name: 'Bucket', text: {}, indexed: true }],
    } satisfies List)) as List;
    const items = `/sites/${site.id}/lists/${list.id}/items`;

    for (let start = 0; start < ITEMS - SAMPLES; start += 20) {
      const requests = Array.from({ length: Math.min(20, ITEMS - SAMPLES - start) }, (_, i) => ({
        id: String(i + 1),
        method: 'POST',
        url: items,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `Rad ${start + i}`, Bucket: `b${(start + i) % 500}` } },
      }));
      await client.api('/$batch').post({ requests });
    }
    const creates: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const { ms, value } = await timed(
        () => client.api(items).post({ fields: { Title: `Mätt ${i}`, Bucket: `b${i % 500}` } }) as Promise<ListItem>,
      );
      creates.push(ms);
      ids.push(String(value.id));
    }
    const gets: number[] = [];
    for (const id of ids) gets.push((await timed(() => client.api(`${items}/${id}`).expand('fields').get())).ms);
    const filtered: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      filtered.push(
        (
          await timed(() =>
            client
              .api(items)
              .expand('fields')
              .query({ $filter: encodeURIComponent(`fields/Bucket eq 'b${i}'`) })
              .get(),
          )
        ).ms,
      );
    }
    return [
      figure('emulator: item create', creates),
      figure('emulator: item get', gets),
      figure(`emulator: filtered list over ${ITEMS} items`, filtered),
    ];
  } finally {
    await tenant.close();
  }
}
