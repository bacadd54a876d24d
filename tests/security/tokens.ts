import { SignJWT, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { RunningTenant } from '../../infra/graph-emulator/src/index';
import { msalFor } from '../../infra/graph-emulator/tests/support';

/**
 * The forged and invalid token classes of the token matrix. Tokens "signed by the tenant" use the local
 * tenant's own signing key (read from its store, in-process), so each class tests exactly one check.
 */
export interface TokenClass {
  name: string;
  /** The Authorization header to send (undefined: none). */
  header(): Promise<string | undefined>;
}

interface TenantKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function tenantKey(tenant: RunningTenant): Promise<TenantKey> {
  const saved = tenant.ctx.store.get<{ privateJwk: JWK; publicJwk: JWK; kid: string }>(
    'signingKey',
    'tenant',
    'current',
  );
  if (!saved) throw new Error('the tenant has no signing key');
  return {
    kid: saved.kid,
    privateKey: (await importJWK(saved.privateJwk, 'RS256')) as CryptoKey,
    publicJwk: saved.publicJwk,
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function tokenClasses(tenant: RunningTenant, valid: JWTPayload): Promise<TokenClass[]> {
  const key = await tenantKey(tenant);
  const own = await generateKeyPair('RS256', { extractable: true });
  const ownJwk = await exportJWK(own.publicKey);
  const now = Math.floor(Date.now() / 1000);
  const base: JWTPayload = { ...valid, iat: now, nbf: now, exp: now + 600 };
  const other = '11111111-2222-4333-8444-555555555555';

  const signed = (claims: JWTPayload, header: Record<string, unknown> = {}, signer: CryptoKey = key.privateKey) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }).sign(signer);
  const without = (...claims: string[]) => {
    const copy: JWTPayload = { ...base };
    for (const claim of claims) delete copy[claim];
    return copy;
  };
  const bearer = (make: () => Promise<string>) => async () => `Bearer ${await make()}`;

  const genuine = await signed(base);
  const [genuineHeader, genuinePayload, genuineSignature] = genuine.split('.') as [string, string, string];

  const classes: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    ['empty bearer', async () => 'Bearer '],
    ['not a JWT', async () => 'Bearer not-a-jwt'],
    ['Basic scheme', async () => `Basic ${genuine}`],
    ['two tokens', async () => `Bearer ${genuine} ${genuine}`],
    ['alg none, no signature', async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(base)}.`],
    [
      'alg none, signature kept',
      async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(base)}.${genuineSignature}`,
    ],
    [
      'HS256 keyed with the public key',
      bearer(async () => {
        const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
        return new SignJWT(base).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid }).sign(secret);
      }),
    ],
    [
      'RS512 with the tenant key',
      bearer(async () => {
        const rs512 = (await importJWK(
          tenant.ctx.store.get<{ privateJwk: JWK }>('signingKey', 'tenant', 'current')!.privateJwk,
          'RS512',
        )) as CryptoKey;
        return new SignJWT(base).setProtectedHeader({ alg: 'RS512', typ: 'JWT', kid: key.kid }).sign(rs512);
      }),
    ],
    ['own key, unknown kid', bearer(() => signed(base, { kid: 'attacker' }, own.privateKey))],
    ['own key, the tenant kid', bearer(() => signed(base, {}, own.privateKey))],
    [
      'own key, jku to own keys',
      bearer(() => signed(base, { kid: 'attacker', jku: 'http://127.0.0.1:9/keys' }, own.privateKey)),
    ],
    [
      'own key, x5u',
      bearer(() => signed(base, { kid: 'attacker', x5u: 'http://127.0.0.1:9/cert.pem' }, own.privateKey)),
    ],
    ['own key embedded as jwk', bearer(() => signed(base, { jwk: ownJwk }, own.privateKey))],
    ['kid path traversal', bearer(() => signed(base, { kid: '../../../../dev/null' }, own.privateKey))],
    [
      'payload changed after signing',
      async () => `Bearer ${genuineHeader}.${b64({ ...base, scp: 'access_as_user', oid: 'x' })}.${genuineSignature}`,
    ],
    ['signature truncated', async () => `Bearer ${genuineHeader}.${genuinePayload}.${genuineSignature.slice(0, 20)}`],
    ['wrong aud', bearer(() => signed({ ...base, aud: 'api://someone-else' }))],
    ['aud Graph', bearer(() => signed({ ...base, aud: 'https://graph.microsoft.com' }))],
    ['no aud', bearer(() => signed(without('aud')))],
    ['wrong iss', bearer(() => signed({ ...base, iss: 'https://evil.example/v2.0' }))],
    ['v1 iss for the tenant', bearer(() => signed({ ...base, iss: `https://sts.windows.net/${String(base.tid)}/` }))],
    ['no iss', bearer(() => signed(without('iss')))],
    [
      'tid not allowed',
      bearer(() => signed({ ...base, tid: other, iss: `https://login.microsoftonline.com/${other}/v2.0` })),
    ],
    ['tid not allowed, iss of ours', bearer(() => signed({ ...base, tid: other }))],
    ['no tid', bearer(() => signed(without('tid')))],
    ['no scp', bearer(() => signed(without('scp')))],
    ['wrong scp', bearer(() => signed({ ...base, scp: 'User.Read' }))],
    ['scp lookalike', bearer(() => signed({ ...base, scp: 'access_as_user_admin' }))],
    ['app roles instead of scp', bearer(() => signed({ ...without('scp'), roles: ['access_as_user'], idtyp: 'app' }))],
    ['expired', bearer(() => signed({ ...base, iat: now - 7200, nbf: now - 7200, exp: now - 120 }))],
    ['no exp', bearer(() => signed(without('exp')))],
    ['no nbf', bearer(() => signed(without('nbf')))],
    ['no iat', bearer(() => signed(without('iat')))],
    ['nbf in the future', bearer(() => signed({ ...base, nbf: now + 3600, exp: now + 7200 }))],
    ['iat in the future', bearer(() => signed({ ...base, iat: now + 3600 }))],
    ['lifetime of ten years', bearer(() => signed({ ...base, exp: now + 10 * 365 * 86400 }))],
    ['no oid', bearer(() => signed(without('oid')))],
    ['empty oid', bearer(() => signed({ ...base, oid: '' }))],
    ['oid of nobody', bearer(() => signed({ ...base, oid: '00000000-0000-4000-8000-000000000000' }))],
    [
      'Graph app token (client credentials)',
      bearer(async () => {
        const result = await msalFor(tenant).acquireTokenByClientCredential({
          scopes: ['https://graph.microsoft.com/.default'],
        });
        return result!.accessToken;
      }),
    ],
  ];
  return classes.map(([name, header]) => ({ name, header }));
}
