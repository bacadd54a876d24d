import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { BudgetLineRecord, OutcomeRecord } from '../../api/services/economy';
import type { CoFinancingReport, StatusReport } from '../../src/domain';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';
const YEAR = 2026;

interface ErrorBody {
  error: { code: string; message: string; current?: { amountOre?: number; etag?: string } };
}

/** A deterministic generator (mulberry32), so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('budget, outcome and the ekonomisk lägesrapport through SharePoint lists', () => {
  let stack: Stack;
  let coordinator: string;
  let member: string;
  let stodgrupp: string;
  let costLine: BudgetLineRecord;
  let umeaLine: BudgetLineRecord;

  const post = async <T>(path: string, token: string, body: unknown, status = 201): Promise<T> => {
    const response = await stack.call(path, { token, method: 'POST', body });
    expect({ path, status: response.status }).toEqual({ path, status });
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, member, stodgrupp] = await Promise.all([
      stack.token(COORDINATOR),
      stack.token(MEMBER_GUEST),
      stack.token(STODGRUPP),
    ]);
    costLine = (
      await post<{ line: BudgetLineRecord }>('/api/budget/lines', coordinator, {
        year: YEAR,
        category: 'oh_lokal',
        name: 'Lokalhyra',
        amountOre: 1_200_000_00,
      })
    ).line;
    umeaLine = (
      await post<{ line: BudgetLineRecord }>('/api/budget/lines', coordinator, {
        year: YEAR,
        category: 'medfinansiering_kommun',
        name: 'Medfinansiering Umeå',
        amountOre: 50_000_00,
        organisationId: 'umea',
      })
    ).line;
  });
  afterAll(async () => stack.close());

  it('stores the line in integer öre with its kind derived from the category', async () => {
    expect(costLine).toMatchObject({ kind: 'kostnad', category: 'oh_lokal', amountOre: 120_000_000, year: YEAR });
    expect(umeaLine).toMatchObject({ kind: 'intakt', organisationId: 'umea' });
    const listed = (await (await stack.call(`/api/budget?year=${YEAR}`, { token: member })).json()) as {
      lines: BudgetLineRecord[];
    };
    expect(listed.lines.map((l) => l.name).sort()).toEqual(['Lokalhyra', 'Medfinansiering Umeå']);
    const otherYear = (await (await stack.call(`/api/budget?year=${YEAR + 1}`, { token: member })).json()) as {
      lines: BudgetLineRecord[];
    };
    expect(otherYear.lines).toEqual([]);
  });

  it('refuses a co-financing line without a kommun, a fractional amount and a non-coordinator', async () => {
    const noKommun = await stack.call('/api/budget/lines', {
      token: coordinator,
      method: 'POST',
      body: { year: YEAR, category: 'medfinansiering_kommun', name: 'X', amountOre: 100 },
    });
    expect(noKommun.status).toBe(400);
    const fraction = await stack.call('/api/budget/lines', {
      token: coordinator,
      method: 'POST',
      body: { year: YEAR, category: 'oh_lokal', name: 'X', amountOre: 10.5 },
    });
    expect(fraction.status).toBe(400);
    for (const token of [member, stodgrupp]) {
      const refused = await stack.call('/api/budget/lines', {
        token,
        method: 'POST',
        body: { year: YEAR, category: 'oh_lokal', name: 'X', amountOre: 100 },
      });
      expect(refused.status).toBe(403);
      const outcome = await stack.call('/api/budget/outcomes', {
        token,
        method: 'POST',
        body: { budgetLineId: costLine.id, date: `${YEAR}-02-01`, amountOre: 100 },
      });
      expect(outcome.status).toBe(403);
    }
  });

  it('books outcome, refusing zero, a date outside the budget year and an unknown line', async () => {
    const zero = await stack.call('/api/budget/outcomes', {
      token: coordinator,
      method: 'POST',
      body: { budgetLineId: costLine.id, date: `${YEAR}-02-01`, amountOre: 0 },
    });
    expect(zero.status).toBe(400);
    const wrongYear = await stack.call('/api/budget/outcomes', {
      token: coordinator,
      method: 'POST',
      body: { budgetLineId: costLine.id, date: `${YEAR + 1}-01-05`, amountOre: 100 },
    });
    expect(wrongYear.status).toBe(400);
    const unknown = await stack.call('/api/budget/outcomes', {
      token: coordinator,
      method: 'POST',
      body: { budgetLineId: '99999', date: `${YEAR}-01-05`, amountOre: 100 },
    });
    expect(unknown.status).toBe(422);
    const paid = await post<{ outcome: OutcomeRecord }>('/api/budget/outcomes', coordinator, {
      budgetLineId: umeaLine.id,
      date: `${YEAR}-03-01`,
      amountOre: 20_000_00,
      text: 'Faktura 1',
    });
    expect(paid.outcome).toMatchObject({ amountOre: 2_000_000, date: `${YEAR}-03-01`, bookedByEmail: COORDINATOR });
  });

  it('keeps 2 000 outcome rows exact to the öre through the list and the lägesrapport', async () => {
    const next = random(9);
    const inputs = Array.from({ length: 2000 }, (_, i) => ({
      budgetLineId: costLine.id,
      date: `${YEAR}-${String((i % 6) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      // Amounts with öre that have no exact binary fraction in kronor (0,01 0,07 …); an outcome is positive
      // (src/domain/bounds.ts), a correction is a change of the budget line.
      amountOre: 1 + Math.floor(next() * 1_999_999),
    }));
    const expected = inputs.reduce((sum, entry) => sum + BigInt(entry.amountOre), 0n);
    const { budget } = stack.server.services.economy;
    const gateway = stack.server.services.graph.forApp();
    const written = await budget.importOutcomes(gateway, inputs, COORDINATOR, [costLine]);
    expect(written).toBe(2000);

    const listed = (await (await stack.call(`/api/budget/outcomes?year=${YEAR}`, { token: member })).json()) as {
      outcomes: OutcomeRecord[];
    };
    const ofLine = listed.outcomes.filter((o) => o.budgetLineId === costLine.id);
    expect(ofLine).toHaveLength(2000);
    expect(ofLine.every((o) => Number.isSafeInteger(o.amountOre))).toBe(true);
    expect([...ofLine.map((o) => o.amountOre)].sort((a, b) => a - b)).toEqual(
      inputs.map((i) => i.amountOre).sort((a, b) => a - b),
    );

    const response = await stack.call(`/api/budget/report?year=${YEAR}&asOf=${YEAR}-12-31`, { token: member });
    expect(response.status).toBe(200);
    const { status } = (await response.json()) as { status: StatusReport };
    const line = status.lines.find((l) => l.line.id === costLine.id);
    expect(line?.entryCount).toBe(2000);
    expect(BigInt(line?.outcomeOre ?? 0)).toBe(expected);
    expect(status.byCategory.oh_lokal?.outcomeOre).toBe(Number(expected));
    expect(status.byKind.kostnad.outcomeOre).toBe(Number(expected));
  });

  it('shows budget, outcome, forecast and deviation as of a date, and the co-financing gaps', async () => {
    const response = await stack.call(`/api/budget/report?year=${YEAR}&asOf=${YEAR}-03-31`, { token: stodgrupp });
    const { status, coFinancing } = (await response.json()) as { status: StatusReport; coFinancing: CoFinancingReport };
    expect(status.asOf).toBe(`${YEAR}-03-31`);
    expect(status.elapsedDays).toBe(90);
    const umea = status.lines.find((l) => l.line.id === umeaLine.id);
    expect(umea).toMatchObject({ budgetOre: 5_000_000, outcomeOre: 2_000_000 });
    // Co-financing is a lump sum: 20 000 kr paid of 50 000 kr means the rest is expected, not a linear 81 111 kr.
    expect(umea?.forecastOre).toBe(5_000_000);
    expect(umea?.deviationOre).toBe(0);
    const umeaRow = coFinancing.rows.find((r) => r.organisationId === 'umea');
    expect(umeaRow).toMatchObject({ dueOre: 5_000_000, paidOre: 2_000_000, remainingOre: 3_000_000, status: 'delvis' });
    expect(coFinancing.missing.map((m) => m.organisationId)).toContain('skelleftea');
    expect(coFinancing.missing.map((m) => m.organisationId)).not.toContain('umea');
  });

  it('exports the lägesrapport as sv-SE CSV and as a PDF', async () => {
    const csv = await stack.call(`/api/budget/report.csv?year=${YEAR}&asOf=${YEAR}-03-31`, { token: member });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(`lagesrapport-${YEAR}-${YEAR}-03-31.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = text.split('\r\n');
    expect(rows[0]).toBe(
      'Typ;Kategori;Samverkansområde;Budgetpost;Budget (kr);Utfall (kr);Prognos (kr);Avvikelse (kr)',
    );
    expect(rows).toContain('Intäkt;Medfinansiering från kommun;;Medfinansiering Umeå;50000,00;20000,00;50000,00;0,00');

    const pdf = await stack.call(`/api/budget/report.pdf?year=${YEAR}`, { token: member });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await pdf.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(2000);
  });

  it('gives the second of two editors a conflict with the newer value, never overwriting it', async () => {
    const first = await stack.call(`/api/budget/lines/${umeaLine.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { amountOre: 60_000_00 },
      headers: { 'if-match': umeaLine.etag },
    });
    expect(first.status).toBe(200);
    const second = await stack.call(`/api/budget/lines/${umeaLine.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { amountOre: 70_000_00 },
      headers: { 'if-match': umeaLine.etag },
    });
    expect(second.status).toBe(409);
    const body = (await second.json()) as ErrorBody;
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.current?.amountOre).toBe(6_000_000);
    const now = (await (await stack.call(`/api/budget?year=${YEAR}`, { token: member })).json()) as {
      lines: BudgetLineRecord[];
    };
    expect(now.lines.find((l) => l.id === umeaLine.id)?.amountOre).toBe(6_000_000);
    const missing = await stack.call(`/api/budget/lines/${umeaLine.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { amountOre: 1 },
    });
    expect(missing.status).toBe(400);
  });

  it("logs the coordinator's hours per assignment against the 20 % share", async () => {
    await post('/api/coordinator-time', coordinator, { date: `${YEAR}-02-10`, hours: 3.5, assignment: 'Stödgruppen' });
    await post('/api/coordinator-time', coordinator, { date: `${YEAR}-02-11`, hours: 2, assignment: 'Lägesrapport' });
    const quarter = await stack.call('/api/coordinator-time', {
      token: coordinator,
      method: 'POST',
      body: { date: `${YEAR}-02-12`, hours: 1.1, assignment: 'X' },
    });
    expect(quarter.status).toBe(400);
    const refused = await stack.call('/api/coordinator-time', {
      token: stodgrupp,
      method: 'POST',
      body: { date: `${YEAR}-02-12`, hours: 1, assignment: 'X' },
    });
    expect(refused.status).toBe(403);
    const response = await stack.call(`/api/coordinator-time?year=${YEAR}&asOf=${YEAR}-02-28`, { token: member });
    const { report, entries } = (await response.json()) as {
      entries: unknown[];
      report: { usedHours: number; availableHours: number; perAssignment: { assignment: string; hours: number }[] };
    };
    expect(entries).toHaveLength(2);
    expect(report.usedHours).toBe(5.5);
    expect(report.availableHours).toBeGreaterThan(300);
    expect(report.perAssignment[0]).toEqual({ assignment: 'Stödgruppen', hours: 3.5, entryCount: 1 });
  });
});
