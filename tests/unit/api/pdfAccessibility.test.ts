import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  approveProtocol,
  buildAgenda,
  coFinancingReport,
  createBudgetLine,
  createMeeting,
  createOutcomeEntry,
  createProposal,
  decide,
  draftProtocol,
  minutesItems,
  protocolContentJson,
  protocolSections,
  recordDecision,
  statusReport,
  type BudgetLine,
} from '../../../src/domain';
import { protocolPdf, statusReportPdf } from '../../../api/services/documents';
import { fullContactList, vasterbotten } from '../domain/fixtures';
import { readPdf, roles, type ReadPdf } from '../../support/readPdf';

/**
 * The protokoll and the lägesrapport as PDF/UA-tagged PDF/A-2a (#16), read back with pdf.js: structure
 * tree, PDF/A identification, MarkInfo, language, text in reading order, page numbers, bookmarks, and the
 * protokoll's justering page with its SHA-256.
 */
const orgs = vasterbotten();
const people = fullContactList(orgs);

const meeting = createMeeting({
  id: 'm-host',
  group: 'samverkansgrupp',
  title: 'Höstmöte 2026',
  date: '2026-10-26',
  startTime: '09:00',
  endTime: '12:00',
  location: 'Regionens hus, Umeå',
});
const budget = createProposal({
  id: 'p-budget',
  kind: 'budget',
  title: 'Budget 2027',
  text: 'Budget 2027 fastställs.',
  date: '2026-09-15',
});
const agenda = buildAgenda({ meeting, openProposals: [budget] });
// Enough decisions for the protokoll to run over more than one page before its justering page.
const many = Array.from({ length: 24 }, (_, index) =>
  recordDecision(
    {
      id: `d-${index}`,
      kind: 'arbetsgrupp',
      text: `Arbetsgrupp ${index + 1} för tillsyn på Öland och i Åsele tillsätts; räckvidd enligt bilaga.`,
    },
    meeting,
  ),
);
const onBudget = decide(budget, meeting, { id: 'd-budget', ownerPersonId: 'p-samordnare', followUpDue: '2027-03-31' });

function justeratProtocol() {
  const draft = draftProtocol({
    id: 'prot-host-2026',
    meeting,
    attendance: ['p-umea', 'p-samordnare', 'p-skelleftea', 'p-lycksele', 'p-vannas'].map((personId) => ({
      personId,
      present: true,
    })),
    decisions: [onBudget, ...many],
    agenda,
    secretaryId: 'p-samordnare',
    chairId: 'p-umea',
    adjusters: ['p-skelleftea', 'p-lycksele'],
  });
  // In order (#16): the secretary, the chair, then the two justerare.
  const bySecretary = approveProtocol(draft, 'p-samordnare', '2026-10-26T13:00:00Z');
  const byChair = approveProtocol(bySecretary, 'p-umea', '2026-10-26T13:30:00Z');
  const once = approveProtocol(byChair, 'p-skelleftea', '2026-10-27T10:00:00Z');
  const minutes = {
    items: minutesItems(undefined, agenda, () => undefined),
    notes: { 'punkt-1': 'Ordföranden öppnade mötet och hälsade alla välkomna till Åsele.' },
  };
  return { ...approveProtocol(once, 'p-lycksele', '2026-10-28T14:05:00Z'), minutes };
}

const text = (pdf: ReadPdf) => pdf.pages.map((lines) => lines.join('\n')).join('\n');

/** The checks both documents share: tagged, PDF/A, Swedish, numbered pages. */
function expectAccessibleArchivable(pdf: ReadPdf, title: string): void {
  expect(pdf.markInfo).toEqual({ Marked: true });
  expect(pdf.lang).toBe('sv-SE');
  expect(pdf.title).toBe(title);
  expect(pdf.xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
  expect(pdf.xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
  pdf.structTrees.forEach((tree) => {
    const r = roles(tree);
    expect(r).toContain('Document');
    expect(r.length).toBeGreaterThan(3);
  });
  const all = pdf.structTrees.flatMap(roles);
  expect(all.filter((role) => role === 'H1')).toHaveLength(1);
  expect(all).toEqual(expect.arrayContaining(['H2', 'P', 'Table', 'TR', 'TH', 'TD']));
  const count = pdf.pages.length;
  pdf.pages.forEach((lines, index) => expect(lines).toContain(`Sida ${index + 1} av ${count}`));
}

function inOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect({ needle, found: at >= 0 }).toEqual({ needle, found: true });
    from = at + needle.length;
  }
}

describe('the protokoll PDF', () => {
  const protocol = justeratProtocol();
  const sections = protocolSections(protocol, people, orgs);
  let pdf: ReadPdf;
  it('is tagged PDF/A-2a in Swedish with an H1, H2 per section and H3 per §, and numbered pages', async () => {
    pdf = await readPdf(await protocolPdf({ sections, producedAt: new Date('2026-10-28T15:00:00Z') }));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    expectAccessibleArchivable(pdf, 'Protokoll – Samverkansgruppen måndag 26 oktober 2026');
    const all = pdf.structTrees.flatMap(roles);
    expect(all.filter((role) => role === 'H2')).toHaveLength(5);
    // An H3 per organisation, per point of the dagordning and per decision under no point.
    expect(all.filter((role) => role === 'H3').length).toBeGreaterThanOrEqual(
      sections.narvaro.length + sections.punkter.length + sections.ovrigaBeslut.length,
    );
  });

  it('reads in order with Swedish letters intact, one bookmark per section, per point and per other §', () => {
    const body = text(pdf);
    const budgetPoint = sections.punkter.find((p) => p.beslut.length > 0);
    expect(budgetPoint?.heading).toMatch(/^\d+\. .*Budget 2027/);
    inOrder(body, ['Kallelse', 'Höstmöte 2026', 'Närvaro', 'Skellefteå', 'Dagordning', '1. Mötets öppnande']);
    inOrder(body, ['1. Mötets öppnande', 'Ordföranden öppnade mötet och hälsade alla välkomna till Åsele.']);
    inOrder(body, [budgetPoint?.heading ?? '?', '§1 Budget:', 'Budget 2027 fastställs.']);
    inOrder(body, ['Övriga beslut', '§2 Arbetsgrupp', '§25 Arbetsgrupp', 'Justering']);
    expect(body).toContain('Arbetsgrupp 24 för tillsyn på Öland och i Åsele tillsätts; räckvidd enligt bilaga.');
    expect(pdf.outline.map((entry) => entry.title)).toEqual([
      'Kallelse',
      'Närvaro',
      'Dagordning',
      'Övriga beslut',
      'Justering',
    ]);
    const dagordning = pdf.outline.find((entry) => entry.title === 'Dagordning');
    expect(dagordning?.items.map((entry) => entry.title)).toEqual(sections.punkter.map((p) => p.heading));
    const beslut = pdf.outline.find((entry) => entry.title === 'Övriga beslut');
    expect(beslut?.items.map((entry) => entry.title)).toEqual(
      sections.ovrigaBeslut.map((p) => `${p.paragraph} ${p.kind}`),
    );
  });

  it('ends with a justering page naming who approved when (Stockholm time) and the content SHA-256', () => {
    const last = pdf.pages[pdf.pages.length - 1]?.join('\n') ?? '';
    expect(last).toContain('Justering');
    inOrder(last, ['Sekreterare', 'Sara Samordnare', 'måndag 26 oktober 2026 kl. 14:00']);
    inOrder(last, ['Ordförande', 'Representant Umeå', 'måndag 26 oktober 2026 kl. 14:30']);
    // 10:00 and 14:05 UTC are 11:00 and 15:05 in Stockholm (CET).
    inOrder(last, ['Justerare', 'Representant Skellefteå', 'tisdag 27 oktober 2026 kl. 11:00']);
    inOrder(last, ['Justerare', 'Representant Lycksele', 'onsdag 28 oktober 2026 kl. 15:05']);
    expect(last).toContain('Protokollets status: Justerat 2026-10-28.');
    const printed = /\b[0-9a-f]{64}\b/.exec(last)?.[0];
    const expected = createHash('sha256').update(protocolContentJson(sections), 'utf8').digest('hex');
    expect(printed).toBe(expected);
    // The checksum covers the content, not the signatures: the draft before any approval has the same.
    const draft = protocolSections({ ...protocol, status: 'utkast', approvals: [] }, people, orgs);
    expect(createHash('sha256').update(protocolContentJson(draft)).digest('hex')).toBe(expected);
    // …and changes with the content.
    const changed = { ...sections, beslut: sections.beslut.slice(1) };
    expect(createHash('sha256').update(protocolContentJson(changed)).digest('hex')).not.toBe(expected);
    // …and with a point's notes.
    const punkter = sections.punkter.map((p, i) => (i === 0 ? { ...p, notes: 'Annat.' } : p));
    expect(
      createHash('sha256')
        .update(protocolContentJson({ ...sections, punkter }))
        .digest('hex'),
    ).not.toBe(expected);
  });
});

describe('the lägesrapport PDF', () => {
  const line = (input: Record<string, unknown>): BudgetLine => createBudgetLine({ year: 2026, ...input }, orgs);
  const lines: BudgetLine[] = [
    line({ id: 'lon', kind: 'kostnad', category: 'samordnare_lon', name: 'Samordnarens lön', amountOre: 12000000 }),
    line({ id: 'utb', kind: 'kostnad', category: 'aktivitet', name: 'Utbildning i Skellefteå', amountOre: 5000000 }),
    line({
      id: 'mf-umea',
      kind: 'intakt',
      category: 'medfinansiering_kommun',
      organisationId: 'umea',
      name: 'Medfinansiering Umeå',
      amountOre: 10000000,
    }),
    line({
      id: 'region',
      kind: 'intakt',
      category: 'region_egna_medel',
      name: 'Regionens egna medel',
      amountOre: 7000000,
    }),
  ];
  const outcomes = [
    createOutcomeEntry({ id: 'u1', budgetLineId: 'lon', date: '2026-03-25', amountOre: 3000000 }, lines),
    createOutcomeEntry({ id: 'u2', budgetLineId: 'mf-umea', date: '2026-02-10', amountOre: 10000000 }, lines),
  ];

  it('is tagged PDF/A-2a with tables, headings in order, bookmarks per section and numbered pages', async () => {
    const status = statusReport({ year: 2026, lines, outcomes, asOf: '2026-06-30' });
    const coFinancing = coFinancingReport({ year: 2026, lines, outcomes, organisations: orgs, asOf: '2026-06-30' });
    const pdf = await readPdf(await statusReportPdf({ status, coFinancing, producedAt: new Date('2026-07-01') }));
    expectAccessibleArchivable(pdf, 'Ekonomisk lägesrapport 2026');
    const headings = [
      'Kostnader',
      'Intäkter',
      'Netto (intäkter - kostnader)',
      'Per kategori',
      'Budget och utfall per kategori',
      'Medfinansiering',
      'Överenskomna undantag',
    ];
    expect(pdf.outline.map((entry) => entry.title)).toEqual(headings);
    inOrder(text(pdf), ['Ekonomisk lägesrapport 2026', ...headings]);
    inOrder(text(pdf), ['Kostnader', 'Budgetpost', 'Budget', 'Utfall', 'Prognos', 'Avvikelse', 'Samordnarens lön']);
    expect(text(pdf)).toContain('Utbildning i Skellefteå');
    expect(pdf.structTrees.flatMap(roles)).toContain('Figure');
  });
});
