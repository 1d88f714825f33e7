// The local Neo4j keeps a bounded amount of transaction logs (Neo4j's own
// default keeps two days of them: as much as the store after a bulk load).
import { inject, describe, expect, it } from 'vitest';
import { DEFAULT_TX_LOG_RETENTION } from '../../src/local-neo4j/manager.js';
import { useFreshDatabase, query } from '../helpers/db.js';

const db = useFreshDatabase();

describe.runIf(inject('neo4j').kind.startsWith('local Neo4j'))('the local Neo4j', () => {
  it('bounds its transaction logs: retention, rotation size and checkpoint interval', async () => {
    const rows = await query(
      db,
      `SHOW SETTINGS YIELD name, value
       WHERE name IN ['db.tx_log.rotation.retention_policy', 'db.tx_log.rotation.size', 'db.checkpoint.interval.time']
       RETURN name, value ORDER BY name`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.value]))).toEqual({
      'db.checkpoint.interval.time': '5m',
      'db.tx_log.rotation.retention_policy': DEFAULT_TX_LOG_RETENTION,
      'db.tx_log.rotation.size': '64.00MiB',
    });
  });
});
