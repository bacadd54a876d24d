import { ForbiddenError, acceptedTenantIds, type Organisation } from '../../src/domain';
import type { CallerIdentity } from './tokenValidator';

/**
 * The token's `tid` against the contact's organisation: a valid token from another allowed tenant (say
 * another kommun's) does not make its holder anyone in this organisation. Throws ForbiddenError.
 */
export function assertTenantOfOrganisation(
  identity: Pick<CallerIdentity, 'tenantId'>,
  organisationId: string,
  organisations: readonly Organisation[],
  regionTenantId: string,
): void {
  const accepted = acceptedTenantIds(organisations, organisationId, regionTenantId);
  if (!accepted.includes(identity.tenantId.toLowerCase()))
    throw new ForbiddenError(
      'contacts.lookup',
      'Du är inloggad från en annan organisations katalog än den kontaktlistan anger. Kontakta samordnaren.',
    );
}
