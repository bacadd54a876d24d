import { describe, expect, it } from '@jest/globals';
import { answerMayBeLost } from '../../../api/services/workingGroups';

describe('a welcome card whose answer may be lost (never posted twice)', () => {
  it('counts a reset or timeout after the request went out as perhaps done', () => {
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE'])
      expect(answerMayBeLost(Object.assign(new Error('socket hang up'), { code }))).toBe(true);
  });

  it("counts a gateway's or the service's 502, 503 or 504 as perhaps done (the connector may have posted)", () => {
    for (const status of [502, 503, 504])
      expect(
        answerMayBeLost(Object.assign(new Error(String(status)), { code: 'ERR_BAD_RESPONSE', response: { status } })),
      ).toBe(true);
  });

  it('counts an answered refusal, a refused connection and a missing installation as not done', () => {
    for (const status of [400, 403, 404, 429])
      expect(
        answerMayBeLost(Object.assign(new Error(String(status)), { code: 'ERR_BAD_REQUEST', response: { status } })),
      ).toBe(false);
    expect(answerMayBeLost(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(answerMayBeLost(new Error('The bot has no conversation in this team yet'))).toBe(false);
    expect(answerMayBeLost('text')).toBe(false);
  });
});
