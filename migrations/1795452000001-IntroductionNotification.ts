import { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification a coach gets when an employer asks for an introduction to one of their participants. */
export class IntroductionNotification1795452000001 implements MigrationInterface {
  name = 'IntroductionNotification1795452000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'INTRODUCTION_REQUESTED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value: the type is made again without it.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'INTRODUCTION_REQUESTED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."notification_kind" AS ENUM('WELCOME')`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::text::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
  }
}
