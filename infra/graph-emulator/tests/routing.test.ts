import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Channel } from '@microsoft/microsoft-graph-types';
import { MODULES } from '../src/modules';
import { SEED_TEAM_ID } from '../src/resources/teams/ids';
import type { RunningTenant } from '../src/index';
import { appClient, startTestTenant } from './support';
import { createChannel, uniqueName, type Collection } from './teams-support';

describe('local tenant: routes as named operations', () => {
  it('every module route names one operation, and no (method, operation) is mounted twice', () => {
    const seen = new Set<string>();
    for (const m of MODULES) {
      for (const r of [...(m.routes ?? []), ...(m.dispatchedRoutes?.operations ?? [])]) {
        expect(r.operation).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \//);
        expect(r.operation.startsWith(`${r.method} `)).toBe(true);
        const key = `${r.method} ${r.operation}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
  });

  describe('one $filter parser for every resource', () => {
    let tenant: RunningTenant;
    beforeAll(async () => {
      tenant = await startTestTenant();
    });
    afterAll(async () => {
      await tenant.close();
    });

    it("finds a channel whose name contains ' and ' (the old per-resource parser split on it)", async () => {
      const app = await appClient(tenant);
      const name = uniqueName('Plan and bygg');
      await createChannel(app, { displayName: name });
      const found = (await app
        .api(`/teams/${SEED_TEAM_ID}/channels`)
        .filter(`displayName eq '${name}' and membershipType eq 'standard'`)
        .get()) as Collection<Channel>;
      expect(found.value.map((c) => c.displayName)).toEqual([name]);
    });
  });
});
