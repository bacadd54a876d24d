import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import type { BudgetReport } from '../../api/services/economy';
import { toIsoDate } from '../../src/domain';
import {
  DEMO_ACTIVITIES,
  DEMO_BUDGET_LINES,
  DEMO_COFINANCING_KR,
  DEMO_DECISIONS,
  DEMO_KOMMUNER,
  DEMO_OUTCOMES,
} from '../../scripts/demoData';
import { demoDataEnabled, demoSummary, seedDemoData, type DemoSeedResult } from '../../scripts/seedDemo';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

const ORE = 100;
const sumKr = (amounts: readonly number[]): number => amounts.reduce((sum, kr) => sum + kr, 0);

describe('demo data for the local tenant', () => {
  let stack: Stack;
  const today = toIsoDate(new Date());
  const year = Number(today.slice(0, 4));
  let first: DemoSeedResult;
  let second: DemoSeedResult;

  /** What the lists hold, read through the app's services as the tab's pages do. */
  const snapshot = async () => {
    const gateway = stack.server.services.graph.forApp();
    const { budget, activities, decisions } = stack.server.services.economy;
    const [lines, outcomes, acts, decided, meetings] = await Promise.all([
      budget.listLines(gateway, year),
      budget.listOutcomes(gateway, year),
      activities.list(gateway, { year }),
      decisions.list(gateway),
      stack.server.services.meetings.records(gateway),
    ]);
    return { lines, outcomes, activities: acts, decisions: decided, meetings };
  };

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    const gateway = stack.server.services.graph.forApp();
    first = await seedDemoData(gateway, stack.server.services);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('writes the year budget, outcome, activities in every status, the decisions and their meeting', async () => {
    expect(first).toEqual({
      seeded: true,
      year,
      budgetLines: DEMO_BUDGET_LINES.length,
      outcomes: DEMO_OUTCOMES.length,
      activities: DEMO_ACTIVITIES.length,
      decisions: DEMO_DECISIONS.length,
      meetings: 1,
    });
    const state = await snapshot();
    // 10 costs, 15 kommuner, the Region and participant fees.
    expect(state.lines).toHaveLength(27);
    expect(state.lines.filter((l) => l.category === 'medfinansiering_kommun')).toHaveLength(15);
    expect(state.lines.map((l) => l.name)).toEqual(
      expect.arrayContaining(['Medfinansiering Bjurholms kommun', 'Medfinansiering Umeå kommun']),
    );
    expect(state.outcomes).toHaveLength(17);
    expect(state.outcomes.every((o) => o.date <= today && o.date.startsWith(`${year}-`))).toBe(true);
    expect(state.activities).toHaveLength(8);
    expect(new Set(state.activities.map((a) => a.area)).size).toBe(5);
    const byStatus = Object.fromEntries(
      ['forslag', 'beslutad', 'genomford', 'utvarderad'].map((s) => [
        s,
        state.activities.filter((a) => a.status === s).length,
      ]),
    );
    expect(byStatus).toEqual({ forslag: 2, beslutad: 3, genomford: 2, utvarderad: 1 });
    expect(state.decisions).toHaveLength(3);
    const kalendarium = state.decisions.find((d) => d.kind === 'aktiviteter_kalendarium');
    expect(state.activities.filter((a) => a.status !== 'forslag').every((a) => a.decisionId === kalendarium?.id)).toBe(
      true,
    );
    expect(state.decisions.map((d) => d.followUp).sort()).toEqual(['ej_paborjad', 'klar', 'pagar']);
    expect(state.decisions.every((d) => d.followUpDue?.startsWith(`${year}-`))).toBe(true);
    expect(state.meetings).toHaveLength(1);
    expect(state.meetings[0]).toMatchObject({ group: 'samverkansgrupp', status: 'genomfort', year: year - 1 });
    expect(state.decisions.every((d) => d.meetingId === state.meetings[0]?.id)).toBe(true);
    expect(demoSummary(first)).toContain('27 budgetrader, 17 utfallsposter, 8 aktiviteter, 3 beslut');
  });

  it('adds nothing on a second start', async () => {
    const before = await snapshot();
    second = await seedDemoData(stack.server.services.graph.forApp(), stack.server.services);
    expect(second).toEqual({ seeded: false, year });
    expect(demoSummary(second)).toBe(`demodata: finns redan för ${year} (inget lades till)`);
    const after = await snapshot();
    expect({
      lines: after.lines.length,
      outcomes: after.outcomes.length,
      activities: after.activities.length,
      decisions: after.decisions.length,
      meetings: after.meetings.length,
    }).toEqual({
      lines: before.lines.length,
      outcomes: before.outcomes.length,
      activities: before.activities.length,
      decisions: before.decisions.length,
      meetings: before.meetings.length,
    });
  });

  it('shows the seeded totals and the co-financing gaps in the lägesrapport', async () => {
    const response = await stack.call(`/api/budget/report?year=${year}`, { token: await stack.token(COORDINATOR) });
    expect(response.status).toBe(200);
    const report = (await response.json()) as BudgetReport;
    const kinds = (kind: 'kostnad' | 'intakt') =>
      DEMO_BUDGET_LINES.filter((l) =>
        kind === 'intakt'
          ? ['medfinansiering_kommun', 'region_egna_medel', 'projektmedel', 'deltagaravgifter'].includes(l.category)
          : !['medfinansiering_kommun', 'region_egna_medel', 'projektmedel', 'deltagaravgifter'].includes(l.category),
      );
    expect(report.status.byKind.kostnad.budgetOre).toBe(sumKr(kinds('kostnad').map((l) => l.amountKr)) * ORE);
    expect(report.status.byKind.intakt.budgetOre).toBe(sumKr(kinds('intakt').map((l) => l.amountKr)) * ORE);
    expect(report.status.byKind.kostnad.budgetOre).toBe(850_000 * ORE);
    expect(report.status.net.budgetOre).toBe(0);
    expect(report.status.byKind.kostnad.outcomeOre + report.status.byKind.intakt.outcomeOre).toBe(
      sumKr(DEMO_OUTCOMES.map((o) => o.amountKr)) * ORE,
    );

    const kommunRows = report.coFinancing.rows.filter((row) => row.kind === 'kommun');
    expect(kommunRows).toHaveLength(DEMO_KOMMUNER.length);
    expect(report.coFinancing.missing).toEqual([]);
    expect(kommunRows.every((row) => row.dueOre === DEMO_COFINANCING_KR * ORE)).toBe(true);
    const gaps = kommunRows.filter((row) => row.remainingOre > 0);
    expect(gaps.length).toBeGreaterThanOrEqual(1);
    expect(kommunRows.find((row) => row.organisationId === 'vilhelmina')).toMatchObject({
      status: 'delvis',
      remainingOre: 12_500 * ORE,
    });
    expect(kommunRows.filter((row) => row.status === 'betald')).toHaveLength(8);
    expect(kommunRows.filter((row) => row.status === 'obetald')).toHaveLength(6);
  });

  it('is switched off with DEMO_DATA=off', () => {
    expect(demoDataEnabled({})).toBe(true);
    expect(demoDataEnabled({ DEMO_DATA: 'on' })).toBe(true);
    expect(demoDataEnabled({ DEMO_DATA: 'off' })).toBe(false);
    expect(demoDataEnabled({ DEMO_DATA: 'OFF' })).toBe(false);
  });
});
