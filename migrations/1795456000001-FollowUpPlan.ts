import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up plan of each placement (check-ins a week after the start, halfway, on the last day, and the outcome
 * 90 days after), the notifications it sends (the coach's FOLLOW_UP_DUE and the employer's FEEDBACK_REQUESTED), and
 * the follow-up entries of both sides. Placements confirmed before this migration get their plan from the next change
 * of their dates or status.
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
    await queryRunner.query(
      `CREATE TYPE "public"."placement_outcome" AS ENUM('WORK', 'STUDIES', 'PROGRAMME', 'NONE', 'UNKNOWN')`,
    );
    await queryRunner.query(`
      CREATE TABLE "follow_ups" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "placement_id" uuid NOT NULL,
        "kind" "public"."follow_up_kind" NOT NULL,
        "due_on" date NOT NULL,
        "status" "public"."follow_up_status" NOT NULL DEFAULT 'SCHEDULED',
        "became_due_at" TIMESTAMP WITH TIME ZONE,
        "outcome" "public"."placement_outcome",
        "outcome_note" text,
        "done_by" uuid,
        "done_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_follow_ups_outcome" CHECK (kind = 'OUTCOME' OR outcome IS NULL),
        CONSTRAINT "PK_follow_ups" PRIMARY KEY ("id"),
        CONSTRAINT "fk_follow_ups_placement" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_follow_ups_placement_kind" ON "follow_ups" ("placement_id", "kind")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_status_due" ON "follow_ups" ("status", "due_on")`);
    await queryRunner.query(`CREATE TYPE "public"."follow_up_side" AS ENUM('COACH', 'EMPLOYER')`);
    await queryRunner.query(
      `CREATE TYPE "public"."attendance" AS ENUM('ALWAYS', 'MOSTLY', 'SOMETIMES', 'RARELY')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."swedish_progress" AS ENUM('NONE', 'SOME', 'CLEAR')`);
    await queryRunner.query(`CREATE TYPE "public"."dropout_risk" AS ENUM('LOW', 'MEDIUM', 'HIGH')`);
    await queryRunner.query(`
      CREATE TABLE "follow_up_entries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "placement_id" uuid NOT NULL,
        "follow_up_id" uuid,
        "side" "public"."follow_up_side" NOT NULL,
        "author_id" uuid NOT NULL,
        "attendance" "public"."attendance" NOT NULL,
        "tasks_performed" text NOT NULL DEFAULT '',
        "swedish_progress" "public"."swedish_progress" NOT NULL,
        "satisfaction" smallint NOT NULL,
        "dropout_risk" "public"."dropout_risk" NOT NULL,
        "text" text NOT NULL DEFAULT '',
        "coach_note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_follow_up_entries_satisfaction" CHECK (satisfaction BETWEEN 1 AND 5),
        CONSTRAINT "ck_follow_up_entries_coach_note" CHECK (side = 'COACH' OR coach_note IS NULL),
        CONSTRAINT "PK_follow_up_entries" PRIMARY KEY ("id"),
        CONSTRAINT "fk_follow_up_entries_placement" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_follow_up_entries_follow_up" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE SET NULL,
        CONSTRAINT "fk_follow_up_entries_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_follow_up_entries_placement" ON "follow_up_entries" ("placement_id", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'FOLLOW_UP_DUE'`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'FEEDBACK_REQUESTED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "follow_up_entries"`);
    await queryRunner.query(`DROP TYPE "public"."dropout_risk"`);
    await queryRunner.query(`DROP TYPE "public"."swedish_progress"`);
    await queryRunner.query(`DROP TYPE "public"."attendance"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_side"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP TYPE "public"."placement_outcome"`);
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
