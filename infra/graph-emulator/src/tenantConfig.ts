import { DECLARED_GRANTS } from './grants';
/**
 * The local tenant's fixed identity: GUIDs shaped as Entra's, stable across restarts so that `.env.example`
 * can name them. The app registration is what a real admin would create for this app.
 */
export const TENANT_ID = '3f6b2c1a-9d4e-4b7a-8c5f-1e2d3a4b5c6d';
export const TENANT_DOMAIN = 'regionvasterbotten.onmicrosoft.com';
export const TENANT_MAIL_DOMAIN = 'regionvasterbotten.se';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const TEAMS_DESKTOP_CLIENT_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const TEAMS_WEB_CLIENT_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
/** The issuer host as Entra writes it; tokens carry it so validation differs from production only by the JWKS address. */
export const ENTRA_HOST = 'https://login.microsoftonline.com';

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  displayName: string;
  /** The Application ID URI; v2 tokens for the app carry the client id as `aud`, v1 would carry this. */
  identifierUri: string;
  /** Delegated Graph permissions consented for the app: the `scp` of on-behalf-of tokens. */
  delegatedPermissions: string[];
  /** Application Graph permissions consented for the app: the `roles` of client-credentials tokens. */
  applicationPermissions: string[];
  /** Resource-specific consent the Teams manifest declares: held in a team where the app is installed. */
  rscPermissions: string[];
  /** The Teams manifest's `id`: the org catalog app's `externalId`. */
  teamsAppExternalId: string;
}

/** The Teams app's manifest id in local mode (env/.env.local TEAMS_APP_ID). */
export const LOCAL_TEAMS_APP_ID = '4c0e5a8b-2f1d-4e6a-9b3c-7d8e9f0a1b2c';

/**
 * The app registration as a real admin creates it from this repository: permissions derived from
 * `infra/entra/aad.manifest.json` and the Teams manifest's RSC list (grants.ts), nothing added.
 */
export const DEFAULT_APP: AppRegistration = {
  clientId: '8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13',
  clientSecret: 'lokal-hemlighet-Fq8~w2Zk.Vb7Tn4Yp1Rc',
  displayName: 'Plan- och byggsamverkan Västerbotten',
  identifierUri: 'api://localhost/8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13',
  delegatedPermissions: DECLARED_GRANTS.delegated,
  applicationPermissions: DECLARED_GRANTS.application,
  rscPermissions: DECLARED_GRANTS.rsc,
  teamsAppExternalId: LOCAL_TEAMS_APP_ID,
};

/** The inspection principal's app (`POST /_emulator/admin-token`): an admin tool, never the app. */
export const INSPECTION_APP_ID = '0a1d2030-0000-4000-8000-1050ec010000';

export function issuerFor(tenantId: string): string {
  return `${ENTRA_HOST}/${tenantId}/v2.0`;
}
