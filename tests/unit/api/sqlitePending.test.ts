import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStateStore } from '../../../api/state/sqliteStore';

describe('SQLite state store: keys pending when the previous process died', () => {
  it('frees them at open with releasePendingOnOpen, keeps completed ones, and keeps them without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'state-pending-'));
    const file = join(dir, 'server-state.sqlite');
    try {
      const crashed = new SqliteStateStore(file);
      const done = await crashed.idempotency.begin('done', 90);
      if (!done.acquired) throw new Error('not acquired');
      await crashed.idempotency.complete('done', done.token, { status: 201, result: { id: 1 } });
      expect((await crashed.idempotency.begin('running', 90)).acquired).toBe(true);
      await crashed.close();

      const plain = new SqliteStateStore(file);
      expect((await plain.idempotency.begin('running', 90)).acquired).toBe(false);
      await plain.close();

      const restarted = new SqliteStateStore(file, { releasePendingOnOpen: true });
      expect((await restarted.idempotency.begin('running', 90)).acquired).toBe(true);
      expect(await restarted.idempotency.get('done')).toMatchObject({ state: 'completed', status: 201 });
      await restarted.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
