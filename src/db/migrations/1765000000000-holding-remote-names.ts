import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/** Holding.libraryName and branchName: who owns a copy federated from another town's Community Graph (issue 10). */
export class HoldingRemoteNames1765000000000 implements MigrationInterface {
  name = 'HoldingRemoteNames1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('holding', [
      new TableColumn(col.text('libraryName', 200, true)),
      new TableColumn(col.text('branchName', 200, true)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('holding', 'branchName');
    await q.dropColumn('holding', 'libraryName');
  }
}
