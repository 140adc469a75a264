import type { EventEmitter } from 'node:events';
import { ParsePool } from './parse-pool.js';

describe('ParsePool', () => {
  it('survives a thread failure reported outside any task (an error event, which kills an unwatched emitter)', async () => {
    const pool = new ParsePool(1);
    try {
      const threads = (pool as unknown as { pool: EventEmitter | null }).pool;
      if (!threads) return; // not built yet: parsing runs inline, there are no threads to fail
      expect(() => threads.emit('error', new Error('thread died'))).not.toThrow();
    } finally {
      await pool.close();
    }
  });
});
