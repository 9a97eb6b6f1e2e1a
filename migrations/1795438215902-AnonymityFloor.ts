import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnonymityFloor1795438215902 implements MigrationInterface {
  name = 'AnonymityFloor1795438215902';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "competence_profiles"
            ADD "disclosure_floor" smallint NOT NULL DEFAULT '0'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "competence_profiles" DROP COLUMN "disclosure_floor"
        `);
  }
}
