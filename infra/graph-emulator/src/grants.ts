import { readFileSync } from 'node:fs';

// Read, not imported: JSON modules need import attributes that jest's ESM loader warns about on every import.
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const aadManifest = json('../../entra/aad.manifest.json');
const teamsManifest = json('../../../appPackage/manifest.json');

/**
 * What the app is granted, read from the app's own declarations, never listed here: delegated scopes and
 * application roles from the Entra registration (`infra/entra/aad.manifest.json`, `requiredResourceAccess`,
 * type Scope / Role), resource-specific consent from the Teams manifest
 * (`authorization.permissions.resourceSpecific`). An admin consents to the first once; the second is
 * granted by a team's owner when the app is installed in that team, and holds in that team only.
 */
export interface DeclaredGrants {
  delegated: string[];
  application: string[];
  rsc: string[];
}

interface AadManifest {
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
}

interface TeamsManifest {
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
}

const GRAPH = new Set(['Microsoft Graph', '00000003-0000-0000-c000-000000000000']);

export function grantsOf(aad: AadManifest, teams: TeamsManifest): DeclaredGrants {
  const access = aad.requiredResourceAccess.filter((r) => GRAPH.has(r.resourceAppId)).flatMap((r) => r.resourceAccess);
  const of = (type: string) => [...new Set(access.filter((a) => a.type === type).map((a) => a.id))];
  const rsc = (teams.authorization?.permissions?.resourceSpecific ?? [])
    .filter((p) => p.type === 'Application')
    .map((p) => p.name);
  return { delegated: of('Scope'), application: of('Role'), rsc: [...new Set(rsc)] };
}

/** The grants of this repository's registration and Teams manifest. */
export const DECLARED_GRANTS: DeclaredGrants = grantsOf(aadManifest as AadManifest, teamsManifest as TeamsManifest);
