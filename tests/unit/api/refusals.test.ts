import { describe, expect, it } from '@jest/globals';
import { requireIfMatch } from '../../../api/routes/activities';
import { permissionsNamed } from '../../../api/http/errors';
import { activityTenantIds } from '../../../api/bot/tenantGuard';
import { ApiError } from '../../../api/http/errors';
import { newBudgetLineSchema, newOutcomeSchema, activityPatchSchema } from '../../../src/contract';
import { boundedText } from '../../../src/domain';

describe('refusals say what is wrong, in Swedish', () => {
  it('If-Match: the genitive once ("aktivitetens etag", not "aktivitetenss")', () => {
    for (const what of ['aktivitetens', 'budgetradens', 'beslutets', 'verksamhetsplanens']) {
      let message = '';
      try {
        requireIfMatch(undefined, what);
      } catch (error) {
        message = (error as ApiError).extra.issues?.[0]?.message ?? '';
      }
      expect(message).toBe(`If-Match med ${what} etag krävs.`);
    }
    expect(requireIfMatch('"3"', 'aktivitetens')).toBe('"3"');
  });

  it("names the permissions Graph's 403 names, and none it does not", () => {
    expect(permissionsNamed("Missing role permissions on the request. API requires one of 'Sites.Selected'.")).toBe(
      'Sites.Selected',
    );
    expect(
      permissionsNamed("API requires one of 'Channel.Create, Group.ReadWrite.All, Directory.ReadWrite.All'."),
    ).toBe('Channel.Create, Group.ReadWrite.All eller Directory.ReadWrite.All');
    expect(permissionsNamed('Insufficient privileges to complete the operation.')).toBeUndefined();
  });
});

describe("the bot's tenant check reads both places Teams names the tenant", () => {
  it('channelData.tenant.id and conversation.tenantId, lower-cased, once each', () => {
    expect(
      activityTenantIds({
        channelData: { tenant: { id: 'AAAA-1' } },
        conversation: { id: 'c', tenantId: 'bbbb-2' },
      }),
    ).toEqual(['aaaa-1', 'bbbb-2']);
    expect(activityTenantIds({ channelData: { tenant: { id: 'x' } }, conversation: { tenantId: 'X' } })).toEqual(['x']);
    expect(activityTenantIds({ type: 'message' })).toEqual([]);
    expect(activityTenantIds('not an activity')).toEqual([]);
  });
});

describe('bounds in the contract', () => {
  it("counts text in UTF-16 units as SharePoint does (zod's own max counts code points)", () => {
    const schema = boundedText({ max: 10 });
    expect(schema.safeParse('\u{1F600}'.repeat(5)).success).toBe(true);
    expect(schema.safeParse('\u{1F600}'.repeat(6)).success).toBe(false);
    expect(schema.safeParse('\u200B\u200D').success).toBe(false);
    expect(schema.safeParse('abc\u202Edef').success).toBe(false);
    expect(schema.safeParse('  Rubrik  ').data).toBe('Rubrik');
  });

  it('amounts up to 1 000 000 000 kr per line, outcomes positive, an empty PATCH refused', () => {
    const line = { year: 2027, category: 'oh_lokal', name: 'Rad', amountOre: 100_000_000_000 };
    expect(newBudgetLineSchema.safeParse(line).success).toBe(true);
    expect(newBudgetLineSchema.safeParse({ ...line, amountOre: 100_000_000_001 }).success).toBe(false);
    const outcome = { budgetLineId: '1', date: '2026-11-02', amountOre: 100 };
    expect(newOutcomeSchema.safeParse(outcome).success).toBe(true);
    expect(newOutcomeSchema.safeParse({ ...outcome, amountOre: -100 }).success).toBe(false);
    expect(newOutcomeSchema.safeParse({ ...outcome, amountOre: 0 }).success).toBe(false);
    expect(activityPatchSchema.safeParse({}).success).toBe(false);
  });
});
