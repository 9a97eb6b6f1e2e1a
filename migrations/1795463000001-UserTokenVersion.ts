import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens carry the account's token version, and a password change raises it: the tokens issued before the
 * change stop working (a stolen one too), instead of running until they expire.
 */
export class UserTokenVersion1795463000001 implements MigrationInterface {
  name = 'UserTokenVersion1795463000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
