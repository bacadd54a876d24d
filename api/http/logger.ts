import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger; secrets are redacted wherever they might appear in logged objects. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'planochbygg-api' },
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'clientSecret',
        'password',
        '*.clientSecret',
        '*.password',
      ],
      censor: '***',
    },
  });
}
