import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate documents now carry `occupiedPeriods` (how many placements their envelope covers), which retrieval
 * filters on: every published profile's candidate document is rewritten through the outbox, as a profile change
 * would. No schema change.
 */
export class CandidateOccupiedPeriods1795453000001 implements MigrationInterface {
  name = 'CandidateOccupiedPeriods1795453000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "outbox_messages" ("kind", "payload")
       SELECT 'SEARCH_SYNC', jsonb_build_object('index', 'candidates', 'id', p."id"::text)
         FROM "competence_profiles" p WHERE p."status" = 'PUBLISHED' ORDER BY p."id"`,
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo: a sync rewrites a document as the projection of the running version has it.
  }
}
