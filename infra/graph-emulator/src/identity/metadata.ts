import type { Request, Response } from 'express';
import type { EmulatorContext } from '../context';
import { ENTRA_HOST, issuerFor } from '../tenantConfig';

/** Entra's instance discovery, as msal asks for it before its first token request. */
export function discoveryInstance(ctx: EmulatorContext, _req: Request, res: Response): void {
  const tenant = ctx.tenantId;
  res.json({
    tenant_discovery_endpoint: `${ENTRA_HOST}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      {
        preferred_network: 'login.microsoftonline.com',
        preferred_cache: 'login.windows.net',
        aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
    ],
  });
}

/** The tenant's OpenID Connect metadata document. */
export function openIdConfiguration(ctx: EmulatorContext, _req: Request, res: Response): void {
  // Entra answers its metadata to any origin: msal-browser reads it with fetch.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json(openIdConfigurationOf(ctx.tenantId));
}

/** The tenant's signing keys. */
export function signingKeys(ctx: EmulatorContext, _req: Request, res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json(ctx.tokens.jwks());
}

function openIdConfigurationOf(tenant: string) {
  return {
    token_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${ENTRA_HOST}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(tenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'name',
      'tid',
      'oid',
      'preferred_username',
    ],
    kerberos_endpoint: `${ENTRA_HOST}/${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}
