import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import type { DocumentStore } from '../store';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** One RS256 key per tenant database, made on first start and kept so tokens outlive a restart. */
export async function loadOrCreateSigningKey(store: DocumentStore): Promise<SigningKey> {
  const saved = store.get<{ privateJwk: JWK; publicJwk: JWK; kid: string }>('signingKey', 'tenant', 'current');
  if (saved) {
    const privateKey = (await importJWK(saved.privateJwk, 'RS256')) as CryptoKey;
    return { kid: saved.kid, privateKey, publicJwk: saved.publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const privateJwk = await exportJWK(privateKey);
  const exported = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(exported);
  const publicJwk: JWK = { ...exported, kid, use: 'sig', alg: 'RS256' };
  store.put('signingKey', 'tenant', 'current', { privateJwk, publicJwk, kid });
  return { kid, privateKey, publicJwk };
}
