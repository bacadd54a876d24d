import { describe, expect, it } from '@jest/globals';
import { answerMayBeLost } from '../../../api/services/workingGroups';

describe('a welcome card whose answer may be lost (never posted twice)', () => {
  it('counts a reset or timeout after the request went out as perhaps done', () => {
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE'])
      expect(answerMayBeLost(Object.assign(new Error('socket hang up'), { code }))).toBe(true);
  });

  it('counts an answered refusal, a refused connection and a missing installation as not done', () => {
    expect(
      answerMayBeLost(Object.assign(new Error('503'), { code: 'ERR_BAD_RESPONSE', response: { status: 503 } })),
    ).toBe(false);
    expect(answerMayBeLost(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(answerMayBeLost(new Error('The bot has no conversation in this team yet'))).toBe(false);
    expect(answerMayBeLost('text')).toBe(false);
  });
});
