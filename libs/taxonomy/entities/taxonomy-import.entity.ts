import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaxonomyTableReport } from '../import/taxonomy-importer.js';

/**
 * One import of a taxonomy source: `npm start` skips the import when the fingerprint of the files it would read
 * is here already.
 */
@Entity({ name: 'taxonomy_imports' })
export class TaxonomyImport {
  /** sha256 of the importer format and the files' names and contents. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_taxonomy_imports' })
  fingerprint!: string;

  /** The directory and why it was chosen (TAXONOMY_DIR, shared data, built-in subset). */
  @Column({ type: 'text' })
  source!: string;

  /** Rows per table: read, inserted, updated, unchanged, skipped. */
  @Column({ type: 'jsonb' })
  counts!: TaxonomyTableReport[];

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt!: Date;
}
