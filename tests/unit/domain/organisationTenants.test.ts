import { describe, expect, it } from '@jest/globals';
import { acceptedTenantIds, parseOrganisationConfig } from '../../../src/domain';

const REGION = '0a0a0a0a-1111-4222-8333-444444444444';
const UMEA = 'b1b1b1b1-1111-4222-8333-444444444444';

const config = parseOrganisationConfig({
  region: 'Västerbotten',
  organisations: [
    { id: 'region', name: 'Region Västerbotten', kind: 'region', emailDomain: 'regionvasterbotten.se', isHost: true },
    { id: 'umea', name: 'Umeå', kind: 'kommun', emailDomain: 'umea.se', tenantId: UMEA.toUpperCase() },
    { id: 'vindeln', name: 'Vindeln', kind: 'kommun', emailDomain: 'vindeln.se' },
  ],
});

describe('the tenants a contact may sign in from', () => {
  it('is the organisation’s own tenant and the Region’s (guests), from the organisations file', () => {
    expect(config.organisations[1]?.tenantId).toBe(UMEA);
    expect(acceptedTenantIds(config.organisations, 'umea', REGION)).toEqual([UMEA, REGION]);
  });

  it('is only the Region’s for an organisation without its own tenant, and for unknown organisations', () => {
    expect(acceptedTenantIds(config.organisations, 'vindeln', REGION)).toEqual([REGION]);
    expect(acceptedTenantIds(config.organisations, 'nowhere', REGION)).toEqual([REGION]);
  });

  it('takes the host’s tenant id over the deployment’s when the file names one', () => {
    const other = '99999999-1111-4222-8333-444444444444';
    const withHostTenant = config.organisations.map((org) => (org.isHost ? { ...org, tenantId: other } : org));
    expect(acceptedTenantIds(withHostTenant, 'vindeln', REGION)).toEqual([other]);
  });

  it('refuses a tenant id that is not a GUID', () => {
    expect(() =>
      parseOrganisationConfig({
        region: 'X',
        organisations: [{ id: 'a', name: 'A', kind: 'region', emailDomain: 'a.se', isHost: true, tenantId: 'contoso' }],
      }),
    ).toThrow('tenantId ska vara ett Entra-katalog-id (GUID).');
  });
});
