import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kompetensbevis: the skills the employer confirms a person showed in a COMPLETED placement (one certificate per
 * placement, its skills in a child table), and the two notifications around it: the employer's
 * COMPETENCE_CERTIFICATE_REQUESTED when a placement completes and the coach's COMPETENCE_CERTIFICATE_ISSUED.
 */
export class CompetenceCertificates1795458000001 implements MigrationInterface {
  name = 'CompetenceCertificates1795458000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "competence_certificates" (
        "placement_id" uuid NOT NULL,
        "issued_by" uuid NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_competence_certificates" PRIMARY KEY ("placement_id"),
        CONSTRAINT "fk_competence_certificates_placement" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_competence_certificates_issuer" FOREIGN KEY ("issued_by") REFERENCES "users"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE "competence_certificate_skills" (
        "placement_id" uuid NOT NULL,
        "skill_concept_id" text NOT NULL,
        CONSTRAINT "PK_competence_certificate_skills" PRIMARY KEY ("placement_id", "skill_concept_id"),
        CONSTRAINT "fk_competence_certificate_skills_certificate" FOREIGN KEY ("placement_id") REFERENCES "competence_certificates"("placement_id") ON DELETE CASCADE,
        CONSTRAINT "fk_competence_certificate_skills_skill" FOREIGN KEY ("skill_concept_id") REFERENCES "taxonomy_skills"("concept_id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'COMPETENCE_CERTIFICATE_REQUESTED'`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'COMPETENCE_CERTIFICATE_ISSUED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "competence_certificate_skills"`);
    await queryRunner.query(`DROP TABLE "competence_certificates"`);
    // PostgreSQL cannot drop an enum value: the type is made again without them.
    await queryRunner.query(
      `DELETE FROM "notifications" WHERE "kind" IN ('COMPETENCE_CERTIFICATE_REQUESTED', 'COMPETENCE_CERTIFICATE_ISSUED')`,
    );
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('WELCOME', 'INTRODUCTION_REQUESTED', 'FOLLOW_UP_DUE', 'FEEDBACK_REQUESTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::text::"public"."notification_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
  }
}
