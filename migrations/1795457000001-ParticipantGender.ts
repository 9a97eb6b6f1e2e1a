import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participant's gender (coach-only personal data) for the key figures. Participants already flagged in the
 * priority group "women" become WOMAN; the others are NOT_STATED until their coach records it (nothing else can be
 * inferred).
 */
export class ParticipantGender1795457000001 implements MigrationInterface {
  name = 'ParticipantGender1795457000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."gender" AS ENUM('WOMAN', 'MAN', 'OTHER', 'NOT_STATED')`);
    await queryRunner.query(
      `ALTER TABLE "participants" ADD "gender" "public"."gender" NOT NULL DEFAULT 'NOT_STATED'`,
    );
    await queryRunner.query(
      `UPDATE participants SET gender = 'WOMAN'
         FROM competence_profiles profile
        WHERE profile.participant_id = participants.id AND profile.priority_woman AND participants.erased_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "gender"`);
    await queryRunner.query(`DROP TYPE "public"."gender"`);
  }
}
