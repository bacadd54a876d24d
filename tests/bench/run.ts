/**
 * `npm run bench`: runs each bench file, prints p50/p95 latency (and Graph round trips per API call) as a
 * table and writes bench-results/<name>.json. Figures only; nothing is asserted about time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './stats';

const BENCHES: { name: string; load: () => Promise<{ run: () => Promise<Figure[]> }> }[] = [
  { name: 'emulator', load: () => import('./emulator.bench') },
  { name: 'api', load: () => import('./api.bench') },
  { name: 'bot', load: () => import('./bot.bench') },
  { name: 'meetings', load: () => import('./meetings.bench') },
  { name: 'meetingDraft', load: () => import('./meetingDraft.bench') },
  { name: 'meetingArchive', load: () => import('./meetingArchive.bench') },
  { name: 'workingGroups', load: () => import('./workingGroups.bench') },
  { name: 'budget', load: () => import('./budget.bench') },
  { name: 'tab', load: () => import('./tab.bench') },
  { name: 'state', load: () => import('./state.bench') },
  { name: 'idempotency', load: () => import('./idempotency.bench') },
];

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  mkdirSync('bench-results', { recursive: true });
  const only = process.argv.slice(2);
  for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
    const started = Date.now();
    const figures = await (await bench.load()).run();
    const seconds = (Date.now() - started) / 1000;
    console.log(`\n${bench.name} (${seconds.toFixed(1)} s)`);
    console.table(
      figures.map((f) => ({
        mätning: f.name,
        antal: f.samples,
        'p50 ms': f.p50Ms,
        'p95 ms': f.p95Ms,
        ...(f.graphRoundTrips === undefined ? {} : { 'Graph-anrop/anrop': f.graphRoundTrips }),
      })),
    );
    const file = join('bench-results', `${bench.name}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        { bench: bench.name, at: new Date().toISOString(), seconds, node: process.version, figures },
        null,
        2,
      ),
    );
    console.log(`→ ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
