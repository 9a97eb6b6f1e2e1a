import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: typo-tolerant prefix lookup of taxonomy concepts (pg_trgm), and the record of taxonomy imports.
 *
 * `taxonomy_fold(text)` lower-cases and folds Swedish and other Latin letters to ASCII (å ä → a, ö → o, é → e …),
 * so that "varmdo" finds Värmdö. It is plain `translate`/`lower` (immutable, unlike unaccent with its dictionary).
 * Upper-case letters are folded too, because `lower` leaves non-ASCII letters alone in a C locale. It is PL/pgSQL
 * with a high COST on purpose: an inlined SQL function would cost the planner nothing per row, and it then
 * prefers a sequential scan computing word similarity for every occupation (20 ms) to the index (0.2 ms).
 *
 * The GIN trigram indexes on `taxonomy_fold(label)` serve `LIKE '%…%'` and the word-similarity operator `<%`; the
 * entities declare them with `synchronize: false`. `fastupdate = off`: these tables change only when the taxonomy
 * is imported, and with a pending list the first lookups after an import scan every new row.
 */
export class TaxonomyLookup1795434000000 implements MigrationInterface {
  name = 'TaxonomyLookup1795434000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
            CREATE FUNCTION taxonomy_fold(value text) RETURNS text
            LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 100
            AS $$
            BEGIN
                RETURN pg_catalog.translate(
                    pg_catalog.lower(value),
                    'åäàáâãæöòóôõøéèêëüùúûíìîïçñÅÄÀÁÂÃÆÖÒÓÔÕØÉÈÊËÜÙÚÛÍÌÎÏÇÑ',
                    'aaaaaaaooooooeeeeuuuuiiiicnaaaaaaaooooooeeeeuuuuiiiicn'
                );
            END
            $$
        `);
    for (const table of ['occupations', 'skills', 'languages', 'municipalities']) {
      await queryRunner.query(`
            CREATE INDEX "ix_taxonomy_${table}_label_trgm" ON "taxonomy_${table}"
            USING gin (taxonomy_fold(label) gin_trgm_ops) WITH (fastupdate = off)
        `);
    }
    await queryRunner.query(`
            CREATE TABLE "taxonomy_imports" (
                "fingerprint" text NOT NULL,
                "source" text NOT NULL,
                "counts" jsonb NOT NULL,
                "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_taxonomy_imports" PRIMARY KEY ("fingerprint")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "taxonomy_imports"`);
    for (const table of ['occupations', 'skills', 'languages', 'municipalities']) {
      await queryRunner.query(`DROP INDEX "public"."ix_taxonomy_${table}_label_trgm"`);
    }
    await queryRunner.query(`DROP FUNCTION taxonomy_fold(text)`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
