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
 * The justering cards are journalled per operation (issue #15): a repeat of the operation (its answer lost, the
 * server restarted with the same state file) posts no card twice, and one that failed is posted by the next run.
 */
const ADJUSTERS = ['erik.lundqvist@umea.se', 'anna.sjoberg@skelleftea.se'];
const view: ProtocolView = { meetingId: '7', status: 'utkast', adjusterEmails: ADJUSTERS, approvals: [] };
const meetings = {
  get: async () => ({ id: '7', title: 'Samverkansgruppen höst', date: '2026-10-06' }),
  people: async () =>
    ADJUSTERS.map((email, i) => ({ email, displayName: `Justerare ${i + 1}`, organisationId: 'umea', etag: '"1"' })),
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

describe('justering cards: once per operation, across a restart', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'approval-cards-')), 'state.db');

  it('a repeat of the operation, after a restart, posts nothing more and answers where the cards went', async () => {
    const { p, posted } = poster();
    const first = new MeetingNotices(meetings, new SqliteStateStore(file), []);
    first.usePoster(p);
    const sent = await inOperation('op:draft-1', () => first.sendApprovalCards(gateway, '7', view));
    expect(sent.map((s) => s.where)).toEqual(['general', 'general']);
    // The server restarts: a new store over the same file, the same operation again.
    const again = new MeetingNotices(meetings, new SqliteStateStore(file), []);
    again.usePoster(p);
    const repeat = await inOperation('op:draft-1', () => again.sendApprovalCards(gateway, '7', view));
    expect(repeat).toEqual(sent);
    expect(posted).toHaveLength(2);
    // Another operation (the protokoll drafted anew) sends the cards again.
    await inOperation('op:draft-2', () => again.sendApprovalCards(gateway, '7', view));
    expect(posted).toHaveLength(4);
  });

  it('a card that was not sent is sent by the next run of the operation, the sent one is not', async () => {
    const { p, posted } = poster(1);
    const notices = new MeetingNotices(meetings, new SqliteStateStore(file), []);
    notices.usePoster(p);
    const sent = await inOperation('op:draft-3', () => notices.sendApprovalCards(gateway, '7', view));
    expect(sent.map((s) => s.where)).toEqual(['not-sent', 'general']);
    const retry = await inOperation('op:draft-3', () => notices.sendApprovalCards(gateway, '7', view));
    expect(retry.map((s) => s.where)).toEqual(['general', 'general']);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toContain('Justerare 2, du är justerare.');
    expect(posted[1]).toContain('Justerare 1, du är justerare.');
  });
});
