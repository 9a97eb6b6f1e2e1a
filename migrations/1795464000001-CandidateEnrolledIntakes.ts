import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate documents now carry `enrolledIntakeIds` (the track intakes the participant holds a place in), which
 * retrieval filters JOBBSPAR openings on: every published profile's candidate document is rewritten through the
 * outbox, as a profile change would, so that no Jobbspår opening goes without proposals until a reindex; and every
 * published JOBBSPAR opening is ranked again (a match-opening job, as a track change records), so that proposals of
 * people who hold no place in its intake expire. No schema change.
 */
export class CandidateEnrolledIntakes1795464000001 implements MigrationInterface {
  name = 'CandidateEnrolledIntakes1795464000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "outbox_messages" ("kind", "payload")
       SELECT 'SEARCH_SYNC', jsonb_build_object('index', 'candidates', 'id', p."id"::text)
         FROM "competence_profiles" p WHERE p."status" = 'PUBLISHED' ORDER BY p."id"`,
    );
    await queryRunner.query(
      `INSERT INTO "outbox_messages" ("kind", "payload")
       SELECT 'JOB', jsonb_build_object('job', jsonb_build_object('name', 'match-opening', 'payload',
                jsonb_build_object('openingId', o."id"::text,
                                   'version', floor(extract(epoch FROM o."updated_at") * 1000)::bigint::text
                                              || '.enrolled-intakes')))
         FROM "openings" o WHERE o."kind" = 'JOBBSPAR' AND o."status" = 'PUBLISHED' ORDER BY o."id"`,
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo: a sync rewrites a document as the projection of the running version has it.
  }
}
