import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scoring settings the proposals were ranked with (a fingerprint of the algorithm version, the weights, the top N
 * and the candidate limit): when the worker starts with others, every open opening is ranked again. An installation
 * that has proposals already gets unknown settings, so its first start ranks them again.
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
    // Proposals ranked before: with settings unknown now, so the worker's first start ranks the open openings again.
    await queryRunner.query(
      `INSERT INTO "matching_settings" ("fingerprint")
       SELECT 'unknown' WHERE EXISTS (SELECT 1 FROM "match_proposals")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "matching_settings"`);
  }
}
