import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AppConfig } from '#libs/config';
import { conceptFrom, TaxonomyKind, TaxonomyService, type TaxonomyConceptType } from '#libs/taxonomy';
import type { SwedishLevel } from '#libs/vocabulary';
import type { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import type { LanguageSkillType } from '../dtos/competence-profile.type.js';
import { CompetenceProfile } from '../entities/competence-profile.entity.js';
import { ProfileLanguage } from '../entities/profile-language.entity.js';
import { ProfileOccupation } from '../entities/profile-occupation.entity.js';
import { ProfileSkill } from '../entities/profile-skill.entity.js';
import { ProfileStatus } from '../profile-status.js';
import { ageFromBirthYear } from './age-band.js';
import { generalise, WITHHELD_STEP, type Disclosure, type QuasiIdentifiers } from './k-anonymity.js';

/** Profiles loaded with their child rows at a time when projecting. */
const PROJECT_CHUNK = 1_000;

/** How rare languages are shown once generalised. */
export const OTHER_LANGUAGE = 'annat språk';

export interface PublishedRow {
  profile_id: string;
  public_id: string;
  published_at: Date;
  birth_year: number | null;
  municipality: string | null;
  municipality_id: string | null;
  county: string | null;
  county_id: string | null;
  sun_code: string | null;
  education_label: string | null;
  swedish_level: SwedishLevel | null;
  language_ids: string[];
  disclosure_floor: number;
}

/** The generalised published population: what every employer read and the employer search index work from. */
export interface Population {
  /** Newest publication first. */
  rows: PublishedRow[];
  /** What each profile shows, by profile id; null: withheld. */
  disclosures: Map<string, Disclosure | null>;
  rareLanguages: Set<string>;
}

/**
 * The published profiles k-anonymised together (k-anonymity.ts), shared by the employer view in the API and the
 * employer search index in the worker, so that both show exactly the same generalisation.
 */
@Injectable()
export class AnonymisedPopulation {
  private cached?: { fingerprint: string; population: Promise<Population> };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly config: AppConfig,
  ) {}

  /** The rows shown to employers (not withheld), newest publication first. */
  shown(population: Population): PublishedRow[] {
    return population.rows.filter((row) => population.disclosures.get(row.profile_id));
  }

  /**
   * The population is computed again only when the published set changed: a cheap fingerprint (count, update
   * times and disclosure floors of published profiles — every profile change touches `updated_at`, erasure deletes
   * the row — and the last taxonomy import) is read on every request, so a read never works from older data.
   */
  async current(): Promise<Population> {
    const fingerprint = await this.fingerprint();
    if (this.cached?.fingerprint !== fingerprint) {
      const population = this.computePopulation();
      this.cached = { fingerprint, population };
      population.catch(() => {
        if (this.cached?.population === population) this.cached = undefined;
      });
    }
    return this.cached!.population;
  }

  private async fingerprint(): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '-') || '/'
              || coalesce(sum(extract(epoch FROM updated_at)), 0)::text || '/' || coalesce(sum(disclosure_floor), 0)
              || '/' || coalesce((SELECT max(imported_at)::text FROM taxonomy_imports), '-') AS fingerprint
       FROM competence_profiles WHERE status = $1`,
      [ProfileStatus.PUBLISHED],
    )) as [{ fingerprint: string }];
    // Ages move with the year; k is configuration.
    return `${row.fingerprint}/${new Date().getUTCFullYear()}/${this.config.anonymity.k}`;
  }

  private async computePopulation(): Promise<Population> {
    const rows: PublishedRow[] = await this.dataSource.query(
      `SELECT p.id AS profile_id, p.public_id, p.published_at, pt.birth_year,
              m.label AS municipality, m.concept_id AS municipality_id,
              c.label AS county, c.concept_id AS county_id, e.sun_code, e.label AS education_label,
              p.swedish_level, p.disclosure_floor,
              coalesce(array(SELECT l.language_concept_id FROM profile_languages l WHERE l.profile_id = p.id), '{}') AS language_ids
       FROM competence_profiles p
       JOIN participants pt ON pt.id = p.participant_id
       LEFT JOIN taxonomy_municipalities m ON m.concept_id = p.home_municipality_concept_id
       LEFT JOIN taxonomy_counties c ON c.concept_id = m.county_concept_id
       LEFT JOIN taxonomy_education_levels e ON e.concept_id = p.education_level_concept_id
       WHERE p.status = $1 AND pt.erased_at IS NULL`,
      [ProfileStatus.PUBLISHED],
    );
    const k = this.config.anonymity.k;
    const today = new Date();
    const floors = new Map(rows.map((row) => [row.profile_id, row.disclosure_floor]));
    const populationWith = (rare: Set<string>) =>
      new Map<string, QuasiIdentifiers>(
        rows.map((row) => [
          row.profile_id,
          {
            age: row.birth_year === null ? null : ageFromBirthYear(row.birth_year, today),
            municipality: row.municipality,
            county: row.county,
            education:
              row.sun_code && row.education_label
                ? { sunCode: row.sun_code, label: row.education_label }
                : null,
            swedishLevel: row.swedish_level,
            hasRareLanguage: row.language_ids.some((id) => rare.has(id)),
          },
        ]),
      );
    // A language is rare when fewer than k *shown* profiles speak it; withholding profiles can make more languages
    // rare, so repeat until the set is stable (rare sets only grow: a few rounds at most).
    let rareLanguages = rareAmong(rows, k);
    let generalisation = generalise(populationWith(rareLanguages), k, floors);
    for (let round = 0; round < 5; round++) {
      const shown = rows.filter((row) => generalisation.disclosures.get(row.profile_id));
      const rare = new Set([...rareLanguages, ...rareAmong(shown, k)]);
      if (rare.size === rareLanguages.size) break;
      rareLanguages = rare;
      generalisation = generalise(populationWith(rareLanguages), k, floors);
    }
    await this.raiseFloors(rows, generalisation.steps);
    rows.sort(
      (a, b) => b.published_at.getTime() - a.published_at.getTime() || a.public_id.localeCompare(b.public_id),
    );
    return { rows, disclosures: generalisation.disclosures, rareLanguages };
  }

  /**
   * Remembers the step each shown profile is shown at, so that it is never shown more precisely later. Raw SQL on
   * purpose: it must not touch `updated_at` (which would make every read recompute). GREATEST keeps concurrent
   * API processes monotone.
   */
  private async raiseFloors(rows: PublishedRow[], steps: Map<string, number>): Promise<void> {
    const raised = rows.filter((row) => {
      const step = steps.get(row.profile_id)!;
      return step < WITHHELD_STEP && step > row.disclosure_floor;
    });
    if (raised.length === 0) return;
    await this.dataSource.query(
      `UPDATE competence_profiles p SET disclosure_floor = GREATEST(p.disclosure_floor, v.step)
       FROM unnest($1::uuid[], $2::smallint[]) AS v(id, step) WHERE p.id = v.id`,
      [raised.map((row) => row.profile_id), raised.map((row) => steps.get(row.profile_id)!)],
    );
  }

  /** Builds the allow-listed projection: only the fields named here ever leave for employers. */
  async project(rows: PublishedRow[], population: Population): Promise<AnonymisedProfileType[]> {
    const { disclosures, rareLanguages } = population;
    if (rows.length === 0) return [];
    const profiles: CompetenceProfile[] = [];
    for (let start = 0; start < rows.length; start += PROJECT_CHUNK) {
      profiles.push(
        ...(await this.withChildRows(rows.slice(start, start + PROJECT_CHUNK).map((row) => row.profile_id))),
      );
    }
    const byId = new Map(profiles.map((profile) => [profile.id, profile]));
    const all = (pick: (p: CompetenceProfile) => string[]) => profiles.flatMap(pick);
    const [occupations, skills, languages, licences] = await Promise.all([
      this.taxonomy.concepts(
        TaxonomyKind.OCCUPATION,
        all((p) => p.occupations.map((o) => o.occupationConceptId)),
      ),
      this.taxonomy.concepts(
        TaxonomyKind.SKILL,
        all((p) => p.skills.map((s) => s.skillConceptId)),
      ),
      this.taxonomy.concepts(
        TaxonomyKind.LANGUAGE,
        all((p) => p.languages.map((l) => l.languageConceptId)),
      ),
      this.taxonomy.concepts(
        TaxonomyKind.DRIVING_LICENCE,
        all((p) => p.drivingLicenceConceptIds),
      ),
    ]);
    return rows.map((row) => {
      const profile = byId.get(row.profile_id)!;
      const disclosure = disclosures.get(row.profile_id)!;
      return {
        publicId: profile.publicId,
        experience: profile.occupations
          .map((o) => ({
            occupation: conceptFrom(occupations, o.occupationConceptId),
            yearsOfExperience: o.yearsOfExperience,
          }))
          .sort((a, b) => b.yearsOfExperience - a.yearsOfExperience || byLabel(a.occupation, b.occupation)),
        skills: profile.skills.map((s) => conceptFrom(skills, s.skillConceptId)).sort(byLabel),
        educationLevel: disclosure.educationLevel,
        swedishLevel: disclosure.swedishLevel,
        languages: this.shownLanguages(profile, languages, rareLanguages, disclosure),
        drivingLicences: profile.drivingLicenceConceptIds.map((id) => conceptFrom(licences, id).label),
        availability: {
          from: profile.availableFrom,
          hoursPerWeek: profile.hoursPerWeek,
          freeWeekdays: profile.freeWeekdays,
        },
        area: { municipality: disclosure.municipality, county: disclosure.county },
        ageBand: disclosure.ageBand,
        wantedKinds: profile.wantedKinds,
        summary: profile.summary,
      };
    });
  }

  /**
   * The profiles of `ids` with their occupations, skills and languages: each table read once with an IN list and
   * grouped here. (TypeORM's relation loading groups child rows by scanning every profile for every row, which
   * made projecting a population quadratic: most of the indexing time at 5,000 profiles.)
   */
  private async withChildRows(ids: string[]): Promise<CompetenceProfile[]> {
    const manager = this.dataSource.manager;
    const where = { profileId: In(ids) };
    const [profiles, occupations, skills, languages] = await Promise.all([
      manager.find(CompetenceProfile, { where: { id: In(ids) } }),
      manager.find(ProfileOccupation, { where }),
      manager.find(ProfileSkill, { where }),
      manager.find(ProfileLanguage, { where }),
    ]);
    const byProfile = <T extends { profileId: string }>(children: T[]) => {
      const grouped = new Map<string, T[]>();
      for (const child of children) {
        const list = grouped.get(child.profileId);
        if (list) list.push(child);
        else grouped.set(child.profileId, [child]);
      }
      return (profileId: string) => grouped.get(profileId) ?? [];
    };
    const [occupationsOf, skillsOf, languagesOf] = [
      byProfile(occupations),
      byProfile(skills),
      byProfile(languages),
    ];
    for (const profile of profiles) {
      profile.occupations = occupationsOf(profile.id);
      profile.skills = skillsOf(profile.id);
      profile.languages = languagesOf(profile.id);
    }
    return profiles;
  }

  /**
   * Languages with fewer than k published speakers are rare: however many a person has, they show as one
   * "annat språk" without a level (or not at all higher up the ladder), so that the count and levels of rare
   * languages cannot single anyone out.
   */
  private shownLanguages(
    profile: CompetenceProfile,
    labels: Map<string, TaxonomyConceptType>,
    rareLanguages: Set<string>,
    disclosure: Disclosure,
  ): LanguageSkillType[] {
    const common = profile.languages
      .filter((language) => !rareLanguages.has(language.languageConceptId))
      .map((language) => ({
        conceptId: language.languageConceptId,
        label: labels.get(language.languageConceptId)?.label ?? language.languageConceptId,
        level: language.level,
      }))
      .sort(byLabel);
    const hasRare = profile.languages.some((language) => rareLanguages.has(language.languageConceptId));
    return hasRare && disclosure.showsRareLanguages
      ? [...common, { conceptId: null, label: OTHER_LANGUAGE, level: null }]
      : common;
  }
}

/**
 * A fixed order (the rows come in no particular one), so that the same profile always reads the same and its search
 * document's content hash is stable: by label, Swedish collation, then concept id.
 */
function byLabel(
  a: { label: string; conceptId: string | null },
  b: { label: string; conceptId: string | null },
) {
  return a.label.localeCompare(b.label, 'sv') || (a.conceptId ?? '').localeCompare(b.conceptId ?? '');
}

/** Languages fewer than k of these profiles speak. */
function rareAmong(rows: readonly PublishedRow[], k: number): Set<string> {
  const speakers = new Map<string, number>();
  for (const row of rows) for (const id of row.language_ids) speakers.set(id, (speakers.get(id) ?? 0) + 1);
  return new Set([...speakers].filter(([, count]) => count < k).map(([id]) => id));
}
