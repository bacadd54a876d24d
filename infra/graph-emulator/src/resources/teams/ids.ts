import { createHash } from 'node:crypto';
import { stableGuid } from '../../seed/people';

/** Teams writes channel (and chat) thread ids as `19:<32 hex>@thread.tacv2`. */
export function channelThreadId(seed: string): string {
  return `19:${createHash('sha1').update(seed).digest('hex').slice(0, 32)}@thread.tacv2`;
}

export const SEED_TEAM_NAME = 'Plan- och byggsamverkan Västerbotten';
/** The seeded Team (its Microsoft 365 group has the same id, as in Graph). */
export const SEED_TEAM_ID = stableGuid(`team:${SEED_TEAM_NAME}`);
/** The seeded Team's General channel ("Allmänt" in the Swedish client; Graph still says 'General'). */
export const SEED_GENERAL_CHANNEL_ID = channelThreadId(`channel:${SEED_TEAM_ID}:General`);

/** The org catalog id of this app in the local tenant (the admin's upload of the Teams manifest). */
export function catalogIdFor(externalId: string): string {
  return stableGuid(`catalog:${externalId}`);
}
