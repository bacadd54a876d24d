import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  MeetingNotices,
  type MeetingsPoster,
  type MeetingsService,
  type ProtocolView,
} from '../../../api/services/meetings';
import type { GraphGateway } from '../../../api/graph/gateway';
import { inOperation } from '../../../api/state/operation';
import { SqliteStateStore } from '../../../api/state/sqliteStore';

/**
 * The approval cards (#16, #15) go to whose turn it is, the secretary, then the chair, then both justerare, once per
 * protokoll version and person: a repeat (its answer lost, the server restarted with the same state file, another
 * save, a second press) posts no card twice; a new version starts the round again; one that failed is posted by
 * the next run.
 */
const SECRETARY = 'karin.nordstrom@regionvasterbotten.se';
const CHAIR = 'maria.bergstrom@regionvasterbotten.se';
const ADJUSTERS = ['erik.lundqvist@umea.se', 'anna.sjoberg@skelleftea.se'];
const PEOPLE = [SECRETARY, CHAIR, ...ADJUSTERS];
const NAMES = ['Karin Nordström', 'Maria Bergström', 'Erik Lundqvist', 'Anna Sjöberg'];

function view(version: number, approvedBy: string[] = []): ProtocolView {
  const approvals = approvedBy.map((personId) => ({ personId, at: '2026-10-07T08:00:00Z' }));
  const waitingFor = !approvedBy.includes(SECRETARY)
    ? { step: 'sekreterare' as const, waitingFor: [SECRETARY] }
    : !approvedBy.includes(CHAIR)
      ? { step: 'ordforande' as const, waitingFor: [CHAIR] }
      : { step: 'justerare' as const, waitingFor: ADJUSTERS.filter((a) => !approvedBy.includes(a)) };
  return {
    meetingId: '7',
    status: 'utkast',
    secretaryEmail: SECRETARY,
    chairEmail: CHAIR,
    adjusterEmails: ADJUSTERS,
    approvals,
    version,
    turn: waitingFor,
  };
}
const meetings = {
  get: async () => ({ id: '7', title: 'Samverkansgruppen höst', date: '2026-10-06' }),
  people: async () => PEOPLE.map((email, i) => ({ email, displayName: NAMES[i], organisationId: 'umea', etag: '"1"' })),
} as unknown as MeetingsService;
const gateway = {} as GraphGateway;

function poster(failFirst = 0) {
  const posted: string[] = [];
  let failures = failFirst;
  const p: MeetingsPoster = {
    async postCardToGeneral(card) {
      if (failures-- > 0) throw new Error('Kanalen svarade inte.');
      posted.push(JSON.stringify(card));
      return { activityId: String(posted.length) };
    },
    postMessageToGeneral: async () => ({}),
    sendCardToPerson: async () => undefined,
  };
  return { p, posted };
}

describe('approval cards: to whose turn it is, once per version and person, across a restart', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'approval-cards-')), 'state.db');

  it('the secretary first, then the chair, then both justerare; a repeat or a restart posts nothing more', async () => {
    const { p, posted } = poster();
    const first = new MeetingNotices(meetings, new SqliteStateStore(file), []);
    first.usePoster(p);
    const sent = await inOperation('op:draft-1', () => first.sendApprovalCards(gateway, '7', view(1)));
    expect(sent).toEqual([{ email: SECRETARY, where: 'general' }]);
    expect(posted[0]).toContain('Karin Nordström, du är sekreterare: godkänn protokollet först.');
    expect(posted[0]).toContain('"version":1');
    // The server restarts: a new store over the same file; the same save again, or another save, of version 1.
    const again = new MeetingNotices(meetings, new SqliteStateStore(file), []);
    again.usePoster(p);
    expect(await inOperation('op:draft-1', () => again.sendApprovalCards(gateway, '7', view(1)))).toEqual(sent);
    await inOperation('op:save-2', () => again.sendApprovalCards(gateway, '7', view(1)));
    expect(posted).toHaveLength(1);
    // The secretary approved: the chair's card; pressed twice, still one card.
    await again.sendApprovalCards(gateway, '7', view(1, [SECRETARY]));
    await again.sendApprovalCards(gateway, '7', view(1, [SECRETARY]));
    expect(posted).toHaveLength(2);
    expect(posted[1]).toContain('Maria Bergström, sekreteraren har godkänt: nu är det din tur som ordförande.');
    // The chair approved: both justerare, each once.
    const adjusters = await again.sendApprovalCards(gateway, '7', view(1, [SECRETARY, CHAIR]));
    expect(adjusters.map((s) => s.email)).toEqual(ADJUSTERS);
    await again.sendApprovalCards(gateway, '7', view(1, [SECRETARY, CHAIR, ADJUSTERS[0] as string]));
    expect(posted).toHaveLength(4);
    expect(posted[2]).toContain('Erik Lundqvist, du är justerare');
    expect(posted[2]).toContain('Justera protokollet');
    // A redraft (version 2) starts the round again with one card to the secretary.
    await again.sendApprovalCards(gateway, '7', view(2));
    expect(posted).toHaveLength(5);
    expect(posted[4]).toContain('"version":2');
    // A justerat protokoll sends nothing.
    expect(await again.sendApprovalCards(gateway, '7', { ...view(2), status: 'justerat' })).toEqual([]);
  });

  it('a card that was not sent is sent by the next run, the sent one is not', async () => {
    const { p, posted } = poster(1);
    const notices = new MeetingNotices(meetings, new SqliteStateStore(file), []);
    notices.usePoster(p);
    const both = view(5, [SECRETARY, CHAIR]);
    const sent = await notices.sendApprovalCards(gateway, '7', both);
    expect(sent.map((s) => s.where)).toEqual(['not-sent', 'general']);
    const retry = await notices.sendApprovalCards(gateway, '7', both);
    expect(retry.map((s) => s.where)).toEqual(['general', 'general']);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toContain('Anna Sjöberg, du är justerare');
    expect(posted[1]).toContain('Erik Lundqvist, du är justerare');
  });
});
