import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../http/logger';

function text(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

/** The Teams SDK's logger interface on top of the server's pino logger, so that one log carries both. */
export function teamsLogger(logger: Logger, name: string): ILogger {
  const child = logger.child({ component: name });
  const write = (level: LogLevel, parts: unknown[]) => {
    if (child.isLevelEnabled(level)) child[level](parts.map(text).join(' '));
  };
  return {
    debug: (...parts: unknown[]) => write('debug', parts),
    info: (...parts: unknown[]) => write('info', parts),
    warn: (...parts: unknown[]) => write('warn', parts),
    error: (...parts: unknown[]) => write('error', parts),
    trace: (...parts: unknown[]) => write('trace', parts),
    log: (level: LogLevel, ...parts: unknown[]) => write(level, parts),
    child: (childName: string) => teamsLogger(child, `${name}/${childName}`),
  };
}
