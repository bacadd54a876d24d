import { pino, type Logger } from 'pino';

export type { Logger };

const ACTIVITY_TYPES = new Set([
  'message',
  'messageUpdate',
  'messageDelete',
  'messageReaction',
  'conversationUpdate',
  'installationUpdate',
  'invoke',
  'event',
  'typing',
  'endOfConversation',
  'command',
  'commandResult',
]);

function isActivity(value: object): value is { type: string; id?: unknown; name?: unknown } {
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && ACTIVITY_TYPES.has(type);
}

/** An activity by id and type (and invoke name) only: never names, object ids, texts or card values. */
export function activityForLog(value: unknown): { id?: string; type?: string; name?: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, type, name } = value as { id?: unknown; type?: unknown; name?: unknown };
  return {
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof type === 'string' ? { type } : {}),
    ...(type === 'invoke' && typeof name === 'string' ? { name } : {}),
  };
}

/**
 * One argument of a log call as text without personal data: strings as they are (the SDK's own messages),
 * errors by name and message, activities by id and type, any other object only by its keys.
 */
export function describeForLog(part: unknown): string {
  if (typeof part === 'string') return looksLikeActivityJson(part) ? describeJson(part) : part;
  if (typeof part === 'number' || typeof part === 'boolean' || part === null || part === undefined) return String(part);
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  if (typeof part === 'object') {
    if (isActivity(part)) {
      const a = activityForLog(part);
      return `activity(type=${a?.type ?? '?'}${a?.name ? `/${a.name}` : ''}, id=${a?.id ?? '?'})`;
    }
    return `[${Array.isArray(part) ? 'list' : 'object'} with ${Object.keys(part).slice(0, 10).join(', ') || 'nothing'}]`;
  }
  return typeof part;
}

function looksLikeActivityJson(text: string): boolean {
  return text.startsWith('{') && text.includes('"type"');
}

function describeJson(text: string): string {
  try {
    return describeForLog(JSON.parse(text) as unknown);
  } catch {
    return '[unparsable JSON text]';
  }
}

/**
 * One structured logger; secrets are redacted wherever they might appear in logged objects, and an
 * `activity` is logged by id and type only.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'planochbygg-api' },
    serializers: { activity: activityForLog },
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
