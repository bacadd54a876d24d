import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ContactsPage } from '../../src/tab/pages/Contacts';
import { contactsToCsv, contactsToVcard } from '../../src/tab/contacts/export';
import type { Contact, OrganisationDto } from '../../src/tab/api';
import {
  COORDINATOR_ACTIONS,
  ERIK,
  KARIN,
  MARIA,
  ORGANISATIONS,
  PEOPLE,
  meFor,
  renderWithServices,
  stubApi,
} from './support';

const coordinator = meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS);
const member = meFor(ERIK, 'Umeå kommun', ['report.read']);

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('Kontakter', () => {
  let downloads: { blob: Blob; fileName: string }[];

  beforeEach(() => {
    downloads = [];
    let lastBlob: Blob | undefined;
    URL.createObjectURL = (blob: Blob) => {
      lastBlob = blob;
      return 'blob:test';
    };
    URL.revokeObjectURL = () => {};
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (lastBlob) downloads.push({ blob: lastBlob, fileName: this.download });
    };
  });
  afterEach(cleanup);

  it('sorts the list by name in Swedish order and by title, saying the order', async () => {
    const umea = PEOPLE.find((p) => p.displayName === 'Erik Lundqvist')!;
    const people = ['Örjan Åberg', 'Åsa Zetterlund', 'Zara Ek', 'Anders Öst'].map((displayName, i) => ({
      ...umea,
      id: `u${i}`,
      displayName,
      email: `u${i}@umea.se`,
      title: ['Planarkitekt', 'Bygglovshandläggare', 'Stadsarkitekt', 'Miljöinspektör'][i],
    }));
    stubApi({ '/api/people': { people }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={member} />);
    const table = await screen.findByRole('table', { name: 'Kontaktlista' });
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(names()).toEqual(['Anders Öst', 'Zara Ek', 'Åsa Zetterlund', 'Örjan Åberg']);
    const name = within(table).getByRole('columnheader', { name: /Namn/ });
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(name).getByRole('button'));
    expect(name.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Örjan Åberg', 'Åsa Zetterlund', 'Zara Ek', 'Anders Öst']);
    const title = within(table).getByRole('columnheader', { name: /Titel/ });
    fireEvent.click(within(title).getByRole('button'));
    expect(names()).toEqual(['Åsa Zetterlund', 'Anders Öst', 'Örjan Åberg', 'Zara Ek']);
    expect(name.getAttribute('aria-sort')).toBe('none');
  });

  it('filters by organisation and says how many are shown', async () => {
    stubApi({ '/api/people': { people: PEOPLE }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={member} />);
    const table = await screen.findByRole('table', { name: 'Kontaktlista' });
    const choice = screen.getByRole('combobox', { name: 'Organisation' }) as HTMLSelectElement;
    const umea = [...choice.options].find((o) => o.textContent === 'Umeå kommun')!;
    fireEvent.change(choice, { target: { value: umea.value } });
    const organisations = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]?.textContent);
    expect(organisations).toEqual(['Umeå kommun', 'Umeå kommun']);
    expect(screen.getByText(/2 kontakter visas/)).toBeTruthy();
  });

  it('lists everyone in one table: names, organisations by name, roles by their Swedish names, no ids', async () => {
    stubApi({ '/api/people': { people: PEOPLE }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={member} />);
    const table = await screen.findByRole('table', { name: 'Kontaktlista' });
    expect(screen.getAllByRole('table')).toHaveLength(1);
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(rows.map((row) => cells(row).slice(0, 3))).toEqual([
      ['Erik Lundqvist', 'Umeå kommun', expect.any(String)],
      ['Karin Nordström', 'Region Västerbotten', 'Samordnare, Stödgruppen'],
      ['Maria Bergström', 'Umeå kommun', 'Ordförande, Samverkansgruppen'],
    ]);
    const organisation = within(table).getByRole('columnheader', { name: /Organisation/ });
    fireEvent.click(within(organisation).getByRole('button'));
    expect(organisation.getAttribute('aria-sort')).toBe('ascending');
    expect(cells(within(table).getAllByRole('row')[1]!)[1]).toBe('Region Västerbotten');
    // (E-mail addresses hold the domains; the other columns never an id or a role key.)
    const shown = within(table)
      .getAllByRole('row')
      .slice(1)
      .flatMap((row) => cells(row).slice(0, 3))
      .join(' ');
    expect(shown).not.toMatch(/region-vasterbotten|\bumea\b|\bsamordnare\b|stodgrupp|samverkansgrupp\b/);
    expect(screen.queryByRole('button', { name: /Redigera/ })).toBeNull();
  });

  it('says the list is empty, and what to do, when there is nobody in it', async () => {
    stubApi({ '/api/people': { people: [] }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={coordinator} />);
    expect(await screen.findByText(/^Kontaktlistan är tom\. Lägg till .* med ”Lägg till kontakt”\./)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('filters by search text and by role, and announces the count', async () => {
    stubApi({ '/api/people': { people: PEOPLE }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={member} />);
    const search = await screen.findByRole('searchbox', { name: /Sök bland kontakter/ });
    expect(screen.getByText('3 kontakter visas')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'bergström' } });
    expect(screen.getByText('1 kontakter visas')).toBeTruthy();
    expect(screen.getByText('Maria Bergström')).toBeTruthy();
    expect(screen.queryByText('Erik Lundqvist')).toBeNull();

    fireEvent.change(search, { target: { value: 'region västerbotten' } });
    expect(screen.getByText('Karin Nordström')).toBeTruthy();
    expect(screen.queryByText('Maria Bergström')).toBeNull();

    fireEvent.change(search, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Roll' }), { target: { value: 'samverkansgrupp' } });
    expect(screen.getByText('2 kontakter visas')).toBeTruthy();
    expect(screen.queryByText('Karin Nordström')).toBeNull();

    fireEvent.change(search, { target: { value: 'ingen sådan person' } });
    expect(screen.getByText('Inga kontakter matchar sökningen.')).toBeTruthy();
  });

  it('exports the visible contacts as CSV for Excel: BOM, semicolons, quoted fields, åäö intact', async () => {
    stubApi({ '/api/people': { people: PEOPLE }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={member} />);
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: 'umeå' } });
    fireEvent.click(screen.getByRole('button', { name: 'Exportera CSV' }));

    expect(downloads).toHaveLength(1);
    const { blob, fileName } = downloads[0]!;
    expect(fileName).toBe('kontakter.csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await readBlob(blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"Namn";"Organisation";"Roller";"Titel";"E-post";"Telefon"');
    expect(lines).toContain(
      '"Erik Lundqvist";"Umeå kommun";"Samverkansgruppen";"Bygglovschef, ""plan & bygg""";"erik.lundqvist@umea.se";""',
    );
    expect(lines).toContain(
      '"Maria Bergström";"Umeå kommun";"Ordförande, Samverkansgruppen";"Planchef";"maria.bergstrom@regionvasterbotten.se";""',
    );
    expect(text).not.toContain('Karin');
    expect(screen.getByRole('status').textContent).toContain('Filen kontakter.csv har skapats.');
  });

  it('exports one vCard file with a card per contact', async () => {
    stubApi({ '/api/people': { people: PEOPLE }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={member} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Exportera vCard' }));
    const { blob, fileName } = downloads[0]!;
    expect(fileName).toBe('kontakter.vcf');
    const text = new TextDecoder().decode(await readBlob(blob));
    expect(text.match(/BEGIN:VCARD\r\nVERSION:4\.0\r\n/g)).toHaveLength(3);
    expect(text.match(/END:VCARD/g)).toHaveLength(3);
    expect(text).toContain('FN:Karin Nordström\r\nN:Nordström;Karin;;;\r\nORG:Region Västerbotten\r\n');
    expect(text).toContain('TEL;TYPE=work,voice;VALUE=uri:tel:0907850000');
    expect(text).toContain('TITLE:Bygglovschef\\, "plan & bygg"');
  });

  it('lets the coordinator edit a contact: validates, then PATCHes the changes with If-Match', async () => {
    let people: Contact[] = PEOPLE;
    const requests = stubApi({
      '/api/people': () => ({ body: { people } }),
      '/api/organisations': { organisations: ORGANISATIONS },
      [`PATCH /api/people/${ERIK.id}`]: (request) => {
        const patch = JSON.parse(request.body ?? '{}') as Partial<Contact>;
        people = people.map((p) => (p.id === ERIK.id ? { ...p, ...patch, etag: '"3"' } : p));
        return { body: { person: people.find((p) => p.id === ERIK.id) } };
      },
    });
    renderWithServices(<ContactsPage me={coordinator} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Redigera Erik Lundqvist' }));
    const dialog = await screen.findByRole('dialog');
    const phone = within(dialog).getByRole('textbox', { name: 'Telefon' });
    fireEvent.change(phone, { target: { value: 'ring mig' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect(await within(dialog).findByText(/Ogiltigt telefonnummer/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);

    fireEvent.change(phone, { target: { value: '090-16 10 00' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Stödgruppen' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('if-match')).toBe('"2"');
    expect(JSON.parse(patch.body!)).toEqual({ phone: '090-16 10 00', roles: ['samverkansgrupp', 'stodgrupp'] });
    expect(await screen.findByText('090-16 10 00')).toBeTruthy();
    // The page is usable again after the modal closes: its live status is in the accessibility tree.
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Ändringarna för Erik Lundqvist är sparade.'),
    );
  });

  it('on 409 shows the newer version, saves nothing, and lets the user load it and save again', async () => {
    const newer = { ...MARIA, title: 'Stadsbyggnadsdirektör', phone: '090-16 00 00', etag: '"5"' };
    const patches: { etag: string | null; body: unknown }[] = [];
    stubApi({
      '/api/people': { people: PEOPLE },
      '/api/organisations': { organisations: ORGANISATIONS },
      [`PATCH /api/people/${MARIA.id}`]: (request) => {
        patches.push({ etag: request.headers.get('if-match'), body: JSON.parse(request.body ?? '{}') });
        if (request.headers.get('if-match') !== '"5"') {
          return {
            status: 409,
            body: {
              error: {
                code: 'CONFLICT',
                message: 'Kontakten har ändrats av någon annan sedan du läste den.',
                requestId: 'req-409',
                current: newer,
              },
            },
          };
        }
        return { body: { person: { ...newer, ...(JSON.parse(request.body ?? '{}') as object), etag: '"6"' } } };
      },
    });
    renderWithServices(<ContactsPage me={coordinator} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Redigera Maria Bergström' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Titel' }), { target: { value: 'Planarkitekt' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));

    const alert = await within(dialog).findByText('Någon annan har ändrat kontakten');
    expect(alert).toBeTruthy();
    expect(within(dialog).getByText('Kontakten har ändrats av någon annan sedan du läste den.')).toBeTruthy();
    expect(within(dialog).getByText('Stadsbyggnadsdirektör')).toBeTruthy();
    expect(within(dialog).getByText('090-16 00 00')).toBeTruthy();
    // The user's own edit stays in the form, and saving again is blocked until the newer version is loaded.
    expect((within(dialog).getByRole('textbox', { name: 'Titel' }) as HTMLInputElement).value).toBe('Planarkitekt');
    expect((within(dialog).getByRole('button', { name: 'Spara' }) as HTMLButtonElement).disabled).toBe(true);
    expect(patches).toEqual([{ etag: '"4"', body: { title: 'Planarkitekt' } }]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ladda den nya versionen' }));
    expect((within(dialog).getByRole('textbox', { name: 'Titel' }) as HTMLInputElement).value).toBe(
      'Stadsbyggnadsdirektör',
    );
    expect(within(dialog).getByText(/Den nya versionen är laddad/)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Titel' }), { target: { value: 'Planarkitekt' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(patches[1]).toEqual({ etag: '"5"', body: { title: 'Planarkitekt' } });
  });
});

describe('contact export formats', () => {
  const organisations: OrganisationDto[] = ORGANISATIONS;

  it('writes English headers and role names when the UI is in English', () => {
    const csv = contactsToCsv([KARIN], organisations, 'en');
    expect(csv.startsWith('\uFEFF"Name";"Organisation";"Roles"')).toBe(true);
    expect(csv).toContain('"Coordinator, Support group"');
  });

  it('escapes vCard text and folds long lines at 75 octets', () => {
    const long = {
      ...KARIN,
      title: 'Samordnare för samhällsbyggnad, planering; bygglov och tillsyn i Västerbottens län',
    };
    const vcard = contactsToVcard([long], organisations);
    const lines = vcard.split('\r\n');
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(vcard.replace(/\r\n /g, '')).toContain(
      'TITLE:Samordnare för samhällsbyggnad\\, planering\\; bygglov och tillsyn i Västerbottens län',
    );
  });
});
