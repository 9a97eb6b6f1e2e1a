import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placements start, complete, end early (with a reason from a list and a note) or are cancelled. */
export class PlacementLifecycle1795455000001 implements MigrationInterface {
  name = 'PlacementLifecycle1795455000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."placement_end_reason" AS ENUM('HEALTH', 'LANGUAGE', 'EMPLOYER_NEEDS_CHANGED', 'WORKPLACE_CONFLICT', 'MOVED', 'GOT_JOB', 'STARTED_STUDIES', 'OTHER')`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD "end_reason" "public"."placement_end_reason", ADD "end_note" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "ck_placements_end_reason" CHECK ((status = 'ENDED_EARLY') = (end_reason IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "ck_placements_end_reason"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP COLUMN "end_note", DROP COLUMN "end_reason"`);
    await queryRunner.query(`DROP TYPE "public"."placement_end_reason"`);
  }
}
