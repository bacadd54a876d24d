export interface OAuthError {
  status: number;
  body: {
    error: string;
    error_description: string;
    error_codes: number[];
    timestamp: string;
    trace_id: string;
    correlation_id: string;
  };
}

/** Entra's OAuth error shape (not Graph's): `error`, `error_description` starting with an AADSTS code. */
export function oauthError(status: number, error: string, aadsts: string, description: string): OAuthError {
  return {
    status,
    body: {
      error,
      error_description: `${aadsts}: ${description}`,
      error_codes: [Number(aadsts.replace('AADSTS', ''))],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: crypto.randomUUID(),
      correlation_id: crypto.randomUUID(),
    },
  };
}
