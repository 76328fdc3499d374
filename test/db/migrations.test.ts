import { openDatabase } from '../../src/db/data-source';
import { MIGRATIONS } from '../../src/db/migrations';
import { createTestDatabase, describeEachBackend } from '../support/backends';

describeEachBackend('migrations', (backend) => {
  it('create exactly the schema the entities describe, and re-running them changes nothing', async () => {
    const database = await createTestDatabase(backend);
    try {
      const db = await openDatabase(database.config);
      const drift = await db.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((q) => q.query)).toEqual([]);
      await db.destroy();

      const again = await openDatabase(database.config);
      expect(await again.showMigrations()).toBe(false);
      const applied = await again.query('SELECT name FROM migrations');
      expect(applied.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((m) => new m().name));
      await again.destroy();
    } finally {
      await database.drop();
    }
  });

  it('undo the latest one and apply it again, keeping the schema the entities describe', async () => {
    const database = await createTestDatabase(backend);
    try {
      const db = await openDatabase(database.config);
      await db.undoLastMigration();
      expect(await db.showMigrations()).toBe(true);
      await db.runMigrations();
      const drift = await db.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((q) => q.query)).toEqual([]);
      await db.destroy();
    } finally {
      await database.drop();
    }
  });
});
