import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reminder a coach gets when a participant needs a placement before their etableringsperiod ends. */
export class EstablishmentPeriodReminder1795459000001 implements MigrationInterface {
  name = 'EstablishmentPeriodReminder1795459000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'ESTABLISHMENT_PERIOD_ENDING'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value: the type is made again without it.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'ESTABLISHMENT_PERIOD_ENDING'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('WELCOME', 'INTRODUCTION_REQUESTED', 'FOLLOW_UP_DUE', 'FEEDBACK_REQUESTED', 'COMPETENCE_CERTIFICATE_REQUESTED', 'COMPETENCE_CERTIFICATE_ISSUED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::text::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
  }
}
