import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';

/**
 * The authorization codes and refresh tokens the local tenant has handed a browser, kept in memory (a restart
 * forgets them, as if every session had expired). Codes are single-use and live 10 minutes; SPA refresh
 * tokens live 24 hours from sign-in and are not extended by use, as Entra documents for the SPA platform.
 */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
export const SPA_REFRESH_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  nonce?: string;
  userId: string;
  expiresAt: number;
  redeemed: boolean;
  /** Refresh tokens issued from this code: revoked if the code is presented again (RFC 6749 §4.1.2). */
  refreshTokens: string[];
}

export interface IssuedRefreshToken {
  clientId: string;
  userId: string;
  scopes: string[];
  /** Fixed at sign-in: a redeemed SPA refresh token's successor keeps it. */
  expiresAt: number;
  revoked: boolean;
}

interface GrantStore {
  codes: Map<string, IssuedCode>;
  refreshTokens: Map<string, IssuedRefreshToken>;
}

const stores = new WeakMap<EmulatorContext, GrantStore>();

function storeOf(ctx: EmulatorContext): GrantStore {
  let store = stores.get(ctx);
  if (!store) {
    store = { codes: new Map(), refreshTokens: new Map() };
    stores.set(ctx, store);
  }
  return store;
}

const opaque = (prefix: string) => `${prefix}.${randomBytes(32).toString('base64url')}`;

export function issueCode(
  ctx: EmulatorContext,
  grant: Omit<IssuedCode, 'expiresAt' | 'redeemed' | 'refreshTokens'>,
): string {
  const code = opaque('1.code');
  storeOf(ctx).codes.set(code, {
    ...grant,
    expiresAt: ctx.now().getTime() + CODE_LIFETIME_MS,
    redeemed: false,
    refreshTokens: [],
  });
  return code;
}

export function findCode(ctx: EmulatorContext, code: string): IssuedCode | undefined {
  return storeOf(ctx).codes.get(code);
}

export function issueRefreshToken(ctx: EmulatorContext, grant: Omit<IssuedRefreshToken, 'revoked'>): string {
  const token = opaque('1.rt');
  storeOf(ctx).refreshTokens.set(token, { ...grant, revoked: false });
  return token;
}

export function findRefreshToken(ctx: EmulatorContext, token: string): IssuedRefreshToken | undefined {
  return storeOf(ctx).refreshTokens.get(token);
}

export function revokeRefreshTokens(ctx: EmulatorContext, tokens: readonly string[]): void {
  for (const token of tokens) {
    const grant = storeOf(ctx).refreshTokens.get(token);
    if (grant) grant.revoked = true;
  }
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))) must equal the code_challenge. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url') === challenge;
}

/** RFC 7636 §4.1: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
export const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An S256 challenge is a base64url SHA-256: 43 characters. */
export const S256_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
