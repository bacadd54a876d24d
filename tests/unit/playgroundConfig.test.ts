import { describe, expect, it } from '@jest/globals';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from '../../infra/graph-emulator/src/resources/teams/ids';
import { TENANT_ID } from '../../infra/graph-emulator/src/tenantConfig';
import { seedContacts } from '../../scripts/start';
import { playgroundConfig } from '../../scripts/playground';

/** `npm run playground` chats as someone the bot knows: a seeded contact with a role, in the local tenant. */
describe('the Agents Playground configuration', () => {
  it('makes the chat’s user the samordnare from Kontakter, in the local tenant and its team', () => {
    const { yaml, user } = playgroundConfig();
    const contact = seedContacts().find((c) => c.entraObjectId === user.id);
    expect(contact?.roles).toContain('samordnare');
    expect(yaml).toContain(`tenantId: "${TENANT_ID}"`);
    expect(yaml).toMatch(new RegExp(`currentUser:\\n  id: "29:${user.id}"[\\s\\S]*?aadObjectId: "${user.id}"`));
    expect(yaml).toContain(`aadGroupId: "${SEED_TEAM_ID}"`);
    expect(yaml).toContain(`  id: "${SEED_GENERAL_CHANNEL_ID}"`);
    // The Playground's schema wants exactly five other users.
    expect(yaml.split('\n').filter((line) => line.startsWith('  - id: "29:'))).toHaveLength(5);
  });

  it('takes another contact by e-mail and refuses a person without a role', () => {
    expect(playgroundConfig('maria.bergstrom@regionvasterbotten.se').user.xRoles).toContain('ordforande');
    const noRole = SEED_PEOPLE.find((p) => p.xRoles.length === 0)!;
    expect(() => playgroundConfig(noRole.mail)).toThrow(/ingen kontakt med en roll/);
  });
});
