import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A confirmed proposal whose placement was cancelled can be confirmed anew (PlacementsService.confirm): one placement
 * per proposal that is not CANCELLED, instead of one placement per proposal ever.
 */
export class PlacementAnewAfterCancel1795462000001 implements MigrationInterface {
  name = 'PlacementAnewAfterCancel1795462000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_placements_proposal"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_placements_proposal" ON "placements" ("proposal_id") WHERE status <> 'CANCELLED'`,
    );
  }

  /** Fails once a proposal has been confirmed anew (two placements of it); those must be resolved by hand first. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_placements_proposal"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_placements_proposal" ON "placements" ("proposal_id")`);
  }
}
