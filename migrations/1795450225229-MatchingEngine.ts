import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingEngine1795450225229 implements MigrationInterface {
  name = 'MatchingEngine1795450225229';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The placements' exclusion constraint compares participant_id (uuid, a btree type) inside a GiST index.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
            CREATE TYPE "public"."proposal_status" AS ENUM('PROPOSED', 'CONFIRMED', 'REJECTED', 'EXPIRED')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."proposal_origin" AS ENUM('MATCHING', 'EMPLOYER_REQUEST')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."rejection_reason" AS ENUM(
                'SKILLS_DO_NOT_FIT',
                'LANGUAGE_LEVEL',
                'SCHEDULE',
                'TRAVEL',
                'TIMING',
                'HEALTH_OR_CIRCUMSTANCES',
                'PARTICIPANT_DECLINED',
                'BETTER_MATCH_ELSEWHERE',
                'EMPLOYER_CONCERNS',
                'OTHER'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "match_proposals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "opening_id" uuid NOT NULL,
                "profile_id" uuid NOT NULL,
                "participant_id" uuid NOT NULL,
                "status" "public"."proposal_status" NOT NULL DEFAULT 'PROPOSED',
                "origin" "public"."proposal_origin" NOT NULL DEFAULT 'MATCHING',
                "score" double precision NOT NULL,
                "rank" smallint,
                "components" jsonb NOT NULL DEFAULT '[]',
                "unmet" jsonb NOT NULL DEFAULT '[]',
                "explanation_sv" text NOT NULL,
                "explanation_en" text NOT NULL,
                "algorithm_version" text NOT NULL,
                "inputs_hash" text NOT NULL,
                "requested_by" uuid,
                "request_message" text,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "rejection_reason" "public"."rejection_reason",
                "rejection_note" text,
                "expiry_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_37eb97a731845dfc2f9dee1c4ee" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_match_proposals_participant_status" ON "match_proposals" ("participant_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_match_proposals_opening_status" ON "match_proposals" ("opening_id", "status", "score")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_match_proposals_opening_profile" ON "match_proposals" ("opening_id", "profile_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."placement_status" AS ENUM(
                'PLANNED',
                'ACTIVE',
                'COMPLETED',
                'ENDED_EARLY',
                'CANCELLED'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "placements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "proposal_id" uuid,
                "opening_id" uuid NOT NULL,
                "participant_id" uuid NOT NULL,
                "employer_organisation_id" uuid NOT NULL,
                "coach_organisation_id" uuid NOT NULL,
                "kind" "public"."placement_kind" NOT NULL,
                "status" "public"."placement_status" NOT NULL DEFAULT 'PLANNED',
                "start_date" date NOT NULL,
                "end_date" date,
                "confirmed_by" uuid NOT NULL,
                "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_placements_dates" CHECK (
                    end_date IS NULL
                    OR end_date >= start_date
                ),
                CONSTRAINT "xc_placements_participant_period" EXCLUDE USING gist (
                    "participant_id" WITH =,
                    daterange("start_date", "end_date", '[]') WITH &&
                )
                WHERE ("status" IN ('PLANNED', 'ACTIVE')),
                    CONSTRAINT "PK_91cca43a1baa03ee278d7be74da" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_placements_employer" ON "placements" ("employer_organisation_id", "start_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_placements_participant" ON "placements" ("participant_id", "start_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_placements_opening" ON "placements" ("opening_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_placements_proposal" ON "placements" ("proposal_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "match_proposals"
            ADD CONSTRAINT "fk_match_proposals_opening" FOREIGN KEY ("opening_id") REFERENCES "openings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "match_proposals"
            ADD CONSTRAINT "fk_match_proposals_profile" FOREIGN KEY ("profile_id") REFERENCES "competence_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "match_proposals"
            ADD CONSTRAINT "fk_match_proposals_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_proposal" FOREIGN KEY ("proposal_id") REFERENCES "match_proposals"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_opening" FOREIGN KEY ("opening_id") REFERENCES "openings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_employer" FOREIGN KEY ("employer_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_coach_organisation" FOREIGN KEY ("coach_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_coach_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_employer"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_participant"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_opening"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_proposal"
        `);
    await queryRunner.query(`
            ALTER TABLE "match_proposals" DROP CONSTRAINT "fk_match_proposals_participant"
        `);
    await queryRunner.query(`
            ALTER TABLE "match_proposals" DROP CONSTRAINT "fk_match_proposals_profile"
        `);
    await queryRunner.query(`
            ALTER TABLE "match_proposals" DROP CONSTRAINT "fk_match_proposals_opening"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_placements_proposal"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_placements_opening"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_placements_participant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_placements_employer"
        `);
    await queryRunner.query(`
            DROP TABLE "placements"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."placement_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_match_proposals_opening_profile"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_match_proposals_opening_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_match_proposals_participant_status"
        `);
    await queryRunner.query(`
            DROP TABLE "match_proposals"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."rejection_reason"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."proposal_origin"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."proposal_status"
        `);
  }
}
