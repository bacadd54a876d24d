import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../../api/config';

const LOCAL = {
  MODE: 'local',
  TENANT_ID: '3f6b2c1a-9d4e-4b7a-8c5f-1e2d3a4b5c6d',
  CLIENT_ID: '8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13',
  CLIENT_SECRET: 'lokal',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration: ports', () => {
  it.each([
    ['LOCAL_TENANT_PORT', '4190'],
    ['LOCAL_TENANT_PORT', '6000'],
    ['PORT', '10080'],
  ])('refuses %s=%s, a port fetch will not connect to, with a Swedish reason', (name, value) => {
    const problems = problemsOf({ ...LOCAL, [name]: value });
    expect(problems.join('\n')).toMatch(new RegExp(`${name}.*bad port|bad port.*`, 's'));
    expect(problems.join('\n')).toContain('Välj en annan port');
  });

  it('accepts the neighbouring ports and the defaults', () => {
    expect(problemsOf({ ...LOCAL, LOCAL_TENANT_PORT: '4191', PORT: '3990' })).toEqual([]);
    const config = loadConfig(LOCAL);
    expect(config.port).toBe(3978);
    expect(config.identity.localTenantUrl).toBe('http://127.0.0.1:4100');
  });
});

describe('configuration: the Planner mirror (#17)', () => {
  it('is off unless PLANNER_MIRROR=on, and refuses another value', () => {
    expect(loadConfig(LOCAL).plannerMirror).toBe(false);
    expect(loadConfig({ ...LOCAL, PLANNER_MIRROR: 'off' }).plannerMirror).toBe(false);
    expect(loadConfig({ ...LOCAL, PLANNER_MIRROR: 'on' }).plannerMirror).toBe(true);
    expect(problemsOf({ ...LOCAL, PLANNER_MIRROR: 'ja' }).join('\n')).toContain('PLANNER_MIRROR');
  });
});
