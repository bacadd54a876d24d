import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EmulatorContext } from '../../context';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { createEvent } from './meetings';

const ZONE = 'Europe/Stockholm';
const SUBJECTS = [
  'Avdelningsmöte',
  'Handläggning bygglov',
  'Samråd detaljplan',
  'Platsbesök',
  'Bygglovsberedning',
  'Projektmöte översiktsplan',
  'Enhetsmöte',
  'Utbildning PBL',
  'Avstämning med förvaltningen',
  'Planeringsdag',
];
const LOCATIONS = ['Regionens hus, Umeå', 'Microsoft Teams-möte', 'Stadshuset', ''];
const DURATIONS = [30, 60, 60, 90, 120];
/** Busy seasons of the samverkan's planning: spring and autumn, this year and next. */
const SEASONS = [
  { from: 4, to: 6 },
  { from: 9, to: 11 },
];

/** mulberry32 seeded from a string: the same person gets the same weeks on every machine. */
function random(seed: string): () => number {
  let a = createHash('sha1').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const local = (dt: DateTime) => ({ dateTime: dt.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: ZONE });

/**
 * Busy time for everyone with a mailbox: 3–6 meetings a week (some tentative) and now and then a day out of
 * office, in April–May and September–October of this year and next. No holidays are invented.
 */
export function seedCalendars(ctx: EmulatorContext): void {
  const year = DateTime.fromJSDate(ctx.now(), { zone: ZONE }).year;
  const mailboxes = ctx.store.list<StoredUser>('user', TENANT_SCOPE).filter((u) => u.xHasMailbox);
  for (const user of mailboxes) {
    for (const y of [year, year + 1]) {
      for (const season of SEASONS) {
        const first = DateTime.fromObject({ year: y, month: season.from, day: 1 }, { zone: ZONE });
        const end = DateTime.fromObject({ year: y, month: season.to, day: 1 }, { zone: ZONE });
        for (let monday = first.startOf('week'); monday < end; monday = monday.plus({ weeks: 1 })) {
          seedWeek(ctx, user, monday, first, end);
        }
      }
    }
  }
}

function seedWeek(ctx: EmulatorContext, user: StoredUser, monday: DateTime, from: DateTime, to: DateTime): void {
  const rnd = random(`${user.id}|${monday.toISODate()}`);
  const inSeason = (day: DateTime) => day >= from && day < to;
  const oofDay = rnd() < 0.12 ? Math.floor(rnd() * 5) : -1;
  if (oofDay >= 0) {
    const day = monday.plus({ days: oofDay });
    if (inSeason(day))
      createEvent(ctx, user, {
        subject: 'Ledig',
        start: local(day),
        end: local(day.plus({ days: 1 })),
        isAllDay: true,
        showAs: 'oof',
        isReminderOn: false,
      });
  }
  const count = 3 + Math.floor(rnd() * 4);
  for (let i = 0; i < count; i++) {
    const dayIndex = Math.floor(rnd() * 5);
    const startMinutes = 8 * 60 + Math.floor(rnd() * 16) * 30;
    const duration = Math.min(pick(rnd, DURATIONS), 17 * 60 - startMinutes);
    const status = rnd() < 0.2 ? 'tentative' : 'busy';
    const subject = pick(rnd, SUBJECTS);
    const place = pick(rnd, LOCATIONS);
    if (dayIndex === oofDay) continue;
    const start = monday.plus({ days: dayIndex, minutes: startMinutes });
    if (!inSeason(start)) continue;
    createEvent(ctx, user, {
      subject,
      body: { contentType: 'text', content: '' },
      start: local(start),
      end: local(start.plus({ minutes: duration })),
      location: { displayName: place },
      showAs: status,
    });
  }
}
