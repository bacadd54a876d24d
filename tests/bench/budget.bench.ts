import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { NewBudgetLine, NewOutcome } from '../../api/services/economy';
import { BUDGET_CATEGORIES, SAMVERKANSOMRADEN, categoryKind, type BudgetCategory } from '../../src/domain';
import { eq } from '../../api/graph/odata';
import { requestLogSeq, requestsSince, startStack } from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const YEARS = [2022, 2023, 2024, 2025, 2026];
const LINES_PER_YEAR = 200;
const OUTCOMES_PER_YEAR = 2000;
const SAMPLES = 20;

/**
 * The ekonomisk lägesrapport over 5 years × 200 budget lines × 2 000 outcome rows a year (11 000 items): the
 * report reads one year by the indexed Year column, a page of up to 5 000 items per list.
 */
export async function run(): Promise<Figure[]> {
  const stack = await startStack({ env: { ROLE_CACHE_TTL_SECONDS: '60' } });
  try {
    await stack.prepare();
    const { budget } = stack.server.services.economy;
    const gateway = stack.server.services.graph.forApp();
    const figures: Figure[] = [];

    const seedStarted = Date.now();
    for (const year of YEARS) {
      const inputs: NewBudgetLine[] = Array.from({ length: LINES_PER_YEAR }, (_, i) => {
        const category = BUDGET_CATEGORIES[i % BUDGET_CATEGORIES.length] as BudgetCategory;
        return {
          year,
          category,
          name: `Post ${i + 1}`,
          amountOre: 1_000_00 + i * 137_11,
          ...(category === 'medfinansiering_kommun' ? { organisationId: 'umea' } : {}),
          ...(categoryKind(category) === 'kostnad' ? { area: SAMVERKANSOMRADEN[i % SAMVERKANSOMRADEN.length] } : {}),
        };
      });
      await budget.importLines(gateway, inputs);
      const lines = await budget.listLines(gateway, year);
      const outcomes: NewOutcome[] = Array.from({ length: OUTCOMES_PER_YEAR }, (_, i) => ({
        budgetLineId: lines[i % lines.length]!.id,
        date: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        amountOre: 1 + ((i * 7919) % 500_000),
      }));
      await budget.importOutcomes(gateway, outcomes, COORDINATOR, lines);
    }
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    figures.push(
      figure(`seed: ${YEARS.length * (LINES_PER_YEAR + OUTCOMES_PER_YEAR)} items via $batch`, [seedSeconds * 1000]),
    );

    const token = await stack.token(MEMBER_GUEST);
    const measure = async (name: string, call: () => Promise<Response>) => {
      await call();
      const before = await requestLogSeq(stack.tenant);
      const durations: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const { ms, value } = await timed(call);
        if (!value.ok) throw new Error(`${name}: ${value.status}`);
        await value.arrayBuffer();
        durations.push(ms);
      }
      const log = await requestsSince(stack.tenant, before);
      const roundTrips = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length / SAMPLES;
      figures.push(figure(name, durations, Math.round(roundTrips * 100) / 100));
    };
    await measure('lägesrapport JSON (2026)', () =>
      stack.call('/api/budget/report?year=2026&asOf=2026-06-30', { token }),
    );
    await measure('lägesrapport CSV (2026)', () =>
      stack.call('/api/budget/report.csv?year=2026&asOf=2026-06-30', { token }),
    );
    await measure('lägesrapport PDF (2026)', () =>
      stack.call('/api/budget/report.pdf?year=2026&asOf=2026-06-30', { token }),
    );

    // What the page size saves: the same year of Utfall read at Graph's default page (200) and at 5 000.
    const { siteId, listId } = await stack.server.services.site.list(gateway, 'outcomes');
    for (const top of [200, 5000]) {
      const before = await requestLogSeq(stack.tenant);
      const durations: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const { ms, value } = await timed(() => gateway.listItems(siteId, listId, { filter: eq('Year', 2026), top }));
        if (value.length !== OUTCOMES_PER_YEAR) throw new Error(`read ${value.length} outcomes`);
        durations.push(ms);
      }
      const log = await requestsSince(stack.tenant, before);
      figures.push(
        figure(`Utfall 2026 (2 000 rader), $top=${top}`, durations, log.filter((r) => !r.batchInner).length / 5),
      );
    }
    return figures;
  } finally {
    await stack.close();
  }
}
