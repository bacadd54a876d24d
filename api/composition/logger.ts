import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../http/logger';
import { describeForLog } from '../http/logger';

/**
 * The Teams SDK's logger interface on top of the server's pino logger, so that one log carries both. The SDK
 * logs whole activities at debug ("Handling activity", body): every argument goes through describeForLog,
 * so an activity is logged by id and type only, and no other object reaches the log with its values, at
 * every level.
 */
export function teamsLogger(logger: Logger, name: string): ILogger {
  const child = logger.child({ component: name });
  const write = (level: LogLevel, parts: unknown[]) => {
    if (child.isLevelEnabled(level)) child[level](parts.map(describeForLog).join(' '));
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
