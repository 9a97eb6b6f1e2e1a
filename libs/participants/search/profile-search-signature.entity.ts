import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the profiles index holds of each profile's generalisation, as Meilisearch confirmed it: when a change of the
 * published set generalises a profile differently, its signature differs and its document is written again.
 * Keyed by the pseudonym (the document id); no foreign key, so that the row outlives an erased profile until its
 * document is removed.
 */
@Entity({ name: 'profile_search_signatures' })
export class ProfileSearchSignature {
  @PrimaryColumn({ name: 'public_id', type: 'text' })
  publicId!: string;

  @Column({ type: 'text' })
  signature!: string;

  @Column({ name: 'indexed_at', type: 'timestamptz', default: () => 'now()' })
  indexedAt!: Date;
}
