import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a notification is about, so that its reader can go straight to it: the placement, the check-in, the proposal
 * or the participant (each kind sets those it concerns). Ids only, without foreign keys: a notification is a record
 * of what happened, and following an id whose row is gone answers NOT_FOUND.
 */
export class NotificationSubject1795460000001 implements MigrationInterface {
  name = 'NotificationSubject1795460000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD "placement_id" uuid, ADD "follow_up_id" uuid, ADD "proposal_id" uuid,
         ADD "participant_id" uuid`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP COLUMN "participant_id", DROP COLUMN "proposal_id",
         DROP COLUMN "follow_up_id", DROP COLUMN "placement_id"`,
    );
  }
}
