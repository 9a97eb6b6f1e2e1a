import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scoring settings the proposals were ranked with (a fingerprint of the algorithm version, the weights, the top N
 * and the candidate limit): when the worker starts with others, every open opening is ranked again.
 */
export class MatchingSettings1795465000001 implements MigrationInterface {
  name = 'MatchingSettings1795465000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "matching_settings" (
         "id" smallint PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
         "fingerprint" text NOT NULL,
         "changed_at" timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "matching_settings"`);
  }
}
