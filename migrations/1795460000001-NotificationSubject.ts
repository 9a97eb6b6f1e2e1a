import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a notification is about, so that its reader can go straight to it: the placement, the check-in, the proposal
 * or the participant (each kind sets those it concerns), filled in for those written before from their dedupe keys.
 * Ids only, without foreign keys: a notification is a record of what happened, and following an id whose row is gone
 * answers NOT_FOUND.
 */
export class NotificationSubject1795460000001 implements MigrationInterface {
  name = 'NotificationSubject1795460000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD "placement_id" uuid, ADD "follow_up_id" uuid, ADD "proposal_id" uuid,
         ADD "participant_id" uuid`,
    );
    // Those written before: the subject's id is the cause in their dedupe key ("KIND:<id>[:<day>]:<user id>").
    const subjectId = `split_part(n.dedupe_key, ':', 2)`;
    const isUuid = `${subjectId} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;
    await queryRunner.query(
      `UPDATE "notifications" n SET "proposal_id" = p.id, "participant_id" = p.participant_id
         FROM "match_proposals" p
        WHERE n.kind = 'INTRODUCTION_REQUESTED' AND ${isUuid} AND p.id = ${subjectId}::uuid`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "follow_up_id" = f.id, "placement_id" = f.placement_id
         FROM "follow_ups" f
        WHERE n.kind IN ('FOLLOW_UP_DUE', 'FEEDBACK_REQUESTED') AND ${isUuid} AND f.id = ${subjectId}::uuid`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "placement_id" = pl.id
         FROM "placements" pl
        WHERE n.kind IN ('COMPETENCE_CERTIFICATE_REQUESTED', 'COMPETENCE_CERTIFICATE_ISSUED') AND ${isUuid}
          AND pl.id = ${subjectId}::uuid`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET "participant_id" = pt.id
         FROM "participants" pt
        WHERE n.kind = 'ESTABLISHMENT_PERIOD_ENDING' AND ${isUuid} AND pt.id = ${subjectId}::uuid`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP COLUMN "participant_id", DROP COLUMN "proposal_id",
         DROP COLUMN "follow_up_id", DROP COLUMN "placement_id"`,
    );
  }
}
