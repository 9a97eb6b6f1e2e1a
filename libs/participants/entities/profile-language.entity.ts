import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Language } from '#libs/taxonomy';
import { LanguageLevel } from '#libs/vocabulary';
import { CompetenceProfile } from './competence-profile.entity.js';

/** A language other than Swedish, with level. */
@Entity({ name: 'profile_languages' })
export class ProfileLanguage {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId!: string;

  @ManyToOne(() => CompetenceProfile, (profile) => profile.languages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_profile_languages_profile' })
  profile!: Relation<CompetenceProfile>;

  @PrimaryColumn({ name: 'language_concept_id', type: 'text' })
  languageConceptId!: string;

  @ManyToOne(() => Language, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'language_concept_id', foreignKeyConstraintName: 'fk_profile_languages_language' })
  language!: Relation<Language>;

  @Column({ type: 'enum', enum: LanguageLevel, enumName: 'language_level' })
  level!: LanguageLevel;
}
