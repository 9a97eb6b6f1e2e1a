import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up plan of each placement (check-ins a week after the start, halfway, on the last day, and the outcome
 * 90 days after), and the notifications it sends: the coach's FOLLOW_UP_DUE and the employer's FEEDBACK_REQUESTED.
 * Placements confirmed before this migration get their plan from the next change of their dates or status.
 */
export class FollowUpPlan1795456000001 implements MigrationInterface {
  name = 'FollowUpPlan1795456000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."follow_up_kind" AS ENUM('WEEK_ONE', 'MIDPOINT', 'END', 'OUTCOME')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."follow_up_status" AS ENUM('SCHEDULED', 'DUE', 'DONE', 'CANCELLED')`,
    );
    await queryRunner.query(`
      CREATE TABLE "follow_ups" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "placement_id" uuid NOT NULL,
        "kind" "public"."follow_up_kind" NOT NULL,
        "due_on" date NOT NULL,
        "status" "public"."follow_up_status" NOT NULL DEFAULT 'SCHEDULED',
        "became_due_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_follow_ups" PRIMARY KEY ("id"),
        CONSTRAINT "fk_follow_ups_placement" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_follow_ups_placement_kind" ON "follow_ups" ("placement_id", "kind")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_status_due" ON "follow_ups" ("status", "due_on")`);
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'FOLLOW_UP_DUE'`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'FEEDBACK_REQUESTED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_status"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_kind"`);
    // PostgreSQL cannot drop an enum value: the type is made again without them.
    await queryRunner.query(
      `DELETE FROM "notifications" WHERE "kind" IN ('FOLLOW_UP_DUE', 'FEEDBACK_REQUESTED')`,
    );
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('WELCOME', 'INTRODUCTION_REQUESTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::text::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
  }
}
