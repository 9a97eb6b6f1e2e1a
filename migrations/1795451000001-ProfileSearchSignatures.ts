import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfileSearchSignatures1795451000001 implements MigrationInterface {
  name = 'ProfileSearchSignatures1795451000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "profile_search_signatures" (
                "public_id" text NOT NULL,
                "signature" text NOT NULL,
                "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_profile_search_signatures" PRIMARY KEY ("public_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "profile_search_signatures"`);
  }
}
