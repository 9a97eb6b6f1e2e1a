import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '#libs/config';
import type { LanguageLevel, PlacementKind, SwedishLevel, Weekday } from '#libs/vocabulary';
import type { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import type { LanguageSkillType } from '../dtos/competence-profile.type.js';
import { ProfileStatus } from '../profile-status.js';
import { VERIFIED_SKILLS_SQL } from '../verified-skills.js';
import { ageBands } from './age-band.js';
import {
  generalise,
  generaliseToStableFloors,
  type Disclosure,
  type QuasiIdentifiers,
} from './k-anonymity.js';

/** Profiles loaded with their child rows at a time when projecting. */
const PROJECT_CHUNK = 10_000;

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

/** What `current` compares to see whether the published set changed; floors apart, since it raises them itself. */
interface Fingerprint {
  /** Count, latest and summed update times of published profiles, and the last taxonomy import. */
  rows: string;
  /** The sum of their disclosure floors. */
  floorSum: number;
  /** The last taxonomy import (also in `rows`), which the population keeps for its documents' signatures. */
  taxonomyImportedAt: string | null;
}

/** The generalised published population: what every employer read and the employer search index work from. */
export interface Population {
  /** Newest publication first. */
  rows: PublishedRow[];
  /** What each profile shows, by profile id; null: withheld. */
  disclosures: Map<string, Disclosure | null>;
  rareLanguages: Set<string>;
  /** When the taxonomy was last imported (the labels documents show); null before any import. */
  taxonomyImportedAt: string | null;
}

/** What `make` gives for `population`, made once: later calls with the same population get the same value. */
export function oncePerPopulation<V>(
  cache: WeakMap<Population, V>,
  population: Population,
  make: () => V,
): V {
  let value = cache.get(population);
  if (value === undefined) {
    value = make();
    cache.set(population, value);
  }
  return value;
}

/**
 * The published profiles k-anonymised together (k-anonymity.ts), shared by the employer view in the API and the
 * employer search index in the worker, so that both show exactly the same generalisation.
 */
@Injectable()
export class AnonymisedPopulation {
  private cached?: { key: string; population: Promise<Population> };
  /** `shown` of each population, computed once: every page and every indexed chunk asks for it. */
  private readonly shownRows = new WeakMap<Population, readonly PublishedRow[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The rows shown to employers (not withheld), newest publication first. */
  shown(population: Population): readonly PublishedRow[] {
    return oncePerPopulation(this.shownRows, population, () =>
      population.rows.filter((row) => population.disclosures.get(row.profile_id)),
    );
  }

  /**
   * The population is computed again only when the published set changed: a cheap fingerprint (count, update
   * times and disclosure floors of published profiles — every profile change touches `updated_at`, erasure deletes
   * the row — and the last taxonomy import) is read on every request, so a read never works from older data.
   */
  async current(): Promise<Population> {
    const fingerprint = await this.fingerprint();
    const key = this.keyOf(fingerprint);
    if (this.cached?.key !== key) {
      const entry: { key: string; population: Promise<Population> } = {
        key,
        population: this.computePopulation(fingerprint.taxonomyImportedAt).then(
          ({ population, floorsRaisedBy }) => {
            // Its own raised floors change the fingerprint by exactly that much: the next read finds it cached,
            // unless anything else changed meanwhile (then the fingerprint differs and it is computed again).
            entry.key = this.keyOf({ ...fingerprint, floorSum: fingerprint.floorSum + floorsRaisedBy });
            return population;
          },
        ),
      };
      this.cached = entry;
      entry.population.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached!.population;
  }

  private async fingerprint(): Promise<Fingerprint> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '-') || '/'
              || coalesce(sum(extract(epoch FROM updated_at)), 0)::text AS rows,
              coalesce(sum(disclosure_floor), 0)::bigint::text AS floor_sum,
              (SELECT max(imported_at)::text FROM taxonomy_imports) AS imported_at
       FROM competence_profiles WHERE status = $1`,
      [ProfileStatus.PUBLISHED],
    )) as [{ rows: string; floor_sum: string; imported_at: string | null }];
    return {
      rows: `${row.rows}/${row.imported_at ?? '-'}`,
      floorSum: Number(row.floor_sum),
      taxonomyImportedAt: row.imported_at,
    };
  }

  private keyOf(fingerprint: Fingerprint): string {
    // Ages move with the year; k is configuration.
    return `${fingerprint.rows}/${fingerprint.floorSum}/${new Date().getUTCFullYear()}/${this.config.anonymity.k}`;
  }

  /** The population, and by how much it raised the floors of the profiles it read. */
  private async computePopulation(
    taxonomyImportedAt: string | null,
  ): Promise<{ population: Population; floorsRaisedBy: number }> {
    const rows: PublishedRow[] = await this.dataSource.query(
      `SELECT p.id AS profile_id, p.public_id, p.published_at, pt.birth_year,
              m.label AS municipality, m.concept_id AS municipality_id,
              c.label AS county, c.concept_id AS county_id, e.sun_code, e.label AS education_label,
              p.swedish_level, p.disclosure_floor,
              coalesce(l.ids, '{}') AS language_ids
       FROM competence_profiles p
       JOIN participants pt ON pt.id = p.participant_id
       LEFT JOIN taxonomy_municipalities m ON m.concept_id = p.home_municipality_concept_id
       LEFT JOIN taxonomy_counties c ON c.concept_id = m.county_concept_id
       LEFT JOIN taxonomy_education_levels e ON e.concept_id = p.education_level_concept_id
       -- Aggregated in one pass: a subquery per profile took twice the CPU at 100,000 profiles.
       LEFT JOIN (SELECT profile_id, array_agg(language_concept_id) AS ids FROM profile_languages GROUP BY profile_id) l
              ON l.profile_id = p.id
       WHERE p.status = $1 AND pt.erased_at IS NULL`,
      [ProfileStatus.PUBLISHED],
    );
    const k = this.config.anonymity.k;
    const today = new Date();
    const populationWith = (rare: Set<string>) =>
      new Map<string, QuasiIdentifiers>(
        rows.map((row) => [
          row.profile_id,
          {
            ageBands: row.birth_year === null ? null : ageBands(row.birth_year, today.getUTCFullYear()),
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
    const generaliseWith = (floors: ReadonlyMap<string, number>) => {
      let rareLanguages = rareAmong(rows, k);
      let generalisation = generalise(populationWith(rareLanguages), k, floors);
      for (let round = 0; round < 5; round++) {
        const shown = rows.filter((row) => generalisation.disclosures.get(row.profile_id));
        const rare = new Set([...rareLanguages, ...rareAmong(shown, k)]);
        if (rare.size === rareLanguages.size) break;
        rareLanguages = rare;
        generalisation = generalise(populationWith(rareLanguages), k, floors);
      }
      return { ...generalisation, rareLanguages };
    };
    const { generalisation, floors } = generaliseToStableFloors(
      new Map(rows.map((row) => [row.profile_id, row.disclosure_floor])),
      generaliseWith,
    );
    const floorsRaisedBy = await this.raiseFloors(rows, floors);
    rows.sort(
      (a, b) => b.published_at.getTime() - a.published_at.getTime() || a.public_id.localeCompare(b.public_id),
    );
    const { disclosures, rareLanguages } = generalisation;
    return { population: { rows, disclosures, rareLanguages, taxonomyImportedAt }, floorsRaisedBy };
  }

  /**
   * Remembers the step each shown profile is shown at (`floors`, settled: see generaliseToStableFloors), so that it
   * is never shown more precisely later; returns by how much the floors rose. Raw SQL on purpose: it must not touch
   * `updated_at` (which would make every read recompute). GREATEST keeps concurrent processes monotone.
   */
  private async raiseFloors(rows: PublishedRow[], floors: ReadonlyMap<string, number>): Promise<number> {
    const raised = rows.filter((row) => floors.get(row.profile_id)! > row.disclosure_floor);
    if (raised.length === 0) return 0;
    await this.dataSource.query(
      `UPDATE competence_profiles p SET disclosure_floor = GREATEST(p.disclosure_floor, v.step)
       FROM unnest($1::uuid[], $2::smallint[]) AS v(id, step) WHERE p.id = v.id`,
      [raised.map((row) => row.profile_id), raised.map((row) => floors.get(row.profile_id)!)],
    );
    return raised.reduce((sum, row) => sum + floors.get(row.profile_id)! - row.disclosure_floor, 0);
  }

  /**
   * Builds the allow-listed projection: only the fields named here ever leave for employers. One query per
   * PROJECT_CHUNK profiles, child rows and taxonomy labels aggregated in PostgreSQL (a concept the taxonomy lacks
   * shows as its id rather than failing a page). In the order of `rows`; a profile gone or unpublished since the
   * population was read is left out (an index write read from an older population then removes its document).
   */
  async project(rows: PublishedRow[], population: Population): Promise<AnonymisedProfileType[]> {
    const { disclosures, rareLanguages } = population;
    const byId = new Map<string, ProjectedRow>();
    for (let start = 0; start < rows.length; start += PROJECT_CHUNK) {
      const chunk = rows.slice(start, start + PROJECT_CHUNK).map((row) => row.profile_id);
      for (const profile of (await this.dataSource.query(PROJECT_SQL, [chunk])) as ProjectedRow[])
        byId.set(profile.id, profile);
    }
    return rows.flatMap((row) => {
      const profile = byId.get(row.profile_id);
      if (!profile) return [];
      const disclosure = disclosures.get(row.profile_id)!;
      const view: AnonymisedProfileType = {
        publicId: profile.public_id,
        experience: profile.experience
          .map(([conceptId, label, code, yearsOfExperience]) => ({
            occupation: { conceptId, label, code },
            yearsOfExperience,
          }))
          .sort((a, b) => b.yearsOfExperience - a.yearsOfExperience || byLabel(a.occupation, b.occupation)),
        skills: profile.skills.map(([conceptId, label]) => ({ conceptId, label, code: null })).sort(byLabel),
        verifiedSkillIds: profile.verified_skill_ids,
        educationLevel: disclosure.educationLevel,
        swedishLevel: disclosure.swedishLevel,
        languages: shownLanguages(profile.languages, rareLanguages, disclosure),
        drivingLicences: profile.driving_licences,
        availability: {
          from: profile.available_from,
          hoursPerWeek: profile.hours_per_week,
          freeWeekdays: profile.free_weekdays,
        },
        area: { municipality: disclosure.municipality, county: disclosure.county },
        ageBand: disclosure.ageBand,
        wantedKinds: profile.wanted_kinds,
        summary: profile.summary,
      };
      return [view];
    });
  }
}

/** What `project` reads of one profile (PROJECT_SQL). */
interface ProjectedRow {
  id: string;
  public_id: string;
  /** [occupation concept id, label, SSYK code, years of experience] */
  experience: Array<[string, string, string | null, number]>;
  /** [skill concept id, label] */
  skills: Array<[string, string]>;
  /** Sorted; see VERIFIED_SKILLS_SQL. */
  verified_skill_ids: string[];
  /** [language concept id, label, level] */
  languages: Array<[string, string, LanguageLevel]>;
  /** Licence classes, in the profile's order. */
  driving_licences: string[];
  available_from: string | null;
  hours_per_week: number | null;
  free_weekdays: Weekday[];
  wanted_kinds: PlacementKind[];
  summary: string;
}

/**
 * The shown fields of the profiles $1 (uuid[]), with their child rows and taxonomy labels (see ProjectedRow). Each
 * child table is read once for all the profiles and aggregated per profile (a subquery per profile and table took
 * three times as long at 10,000 profiles).
 */
const PROJECT_SQL = `
  SELECT p.id, p.public_id, p.available_from::text AS available_from, p.hours_per_week,
         p.free_weekdays::text[] AS free_weekdays, p.wanted_kinds::text[] AS wanted_kinds, p.summary,
         coalesce(experience.rows, '[]') AS experience, coalesce(skills.rows, '[]') AS skills,
         coalesce(languages.rows, '[]') AS languages, coalesce(verified.ids, '{}') AS verified_skill_ids,
         array(SELECT coalesce(d.code, held.id)
                 FROM unnest(p.driving_licence_concept_ids) WITH ORDINALITY AS held(id, n)
                 LEFT JOIN taxonomy_driving_licences d ON d.concept_id = held.id
                ORDER BY held.n) AS driving_licences
    FROM competence_profiles p
    LEFT JOIN (SELECT po.profile_id,
                      json_agg(json_build_array(po.occupation_concept_id, coalesce(o.label, po.occupation_concept_id),
                                                g.ssyk_code, po.years_of_experience::float8)) AS rows
                 FROM profile_occupations po
                 LEFT JOIN taxonomy_occupations o ON o.concept_id = po.occupation_concept_id
                 LEFT JOIN taxonomy_occupation_groups g ON g.concept_id = o.group_concept_id
                WHERE po.profile_id = ANY($1::uuid[]) GROUP BY po.profile_id) experience ON experience.profile_id = p.id
    LEFT JOIN (SELECT ps.profile_id,
                      json_agg(json_build_array(ps.skill_concept_id, coalesce(s.label, ps.skill_concept_id))) AS rows
                 FROM profile_skills ps LEFT JOIN taxonomy_skills s ON s.concept_id = ps.skill_concept_id
                WHERE ps.profile_id = ANY($1::uuid[]) GROUP BY ps.profile_id) skills ON skills.profile_id = p.id
    LEFT JOIN (SELECT pl.profile_id,
                      json_agg(json_build_array(pl.language_concept_id, coalesce(l.label, pl.language_concept_id),
                                                pl.level)) AS rows
                 FROM profile_languages pl LEFT JOIN taxonomy_languages l ON l.concept_id = pl.language_concept_id
                WHERE pl.profile_id = ANY($1::uuid[]) GROUP BY pl.profile_id) languages ON languages.profile_id = p.id
    LEFT JOIN (${VERIFIED_SKILLS_SQL}) verified ON verified.profile_id = p.id
   WHERE p.id = ANY($1::uuid[]) AND p.status = 'PUBLISHED'`;

/**
 * Languages with fewer than k published speakers are rare: however many a person has, they show as one
 * "annat språk" without a level (or not at all higher up the ladder), so that the count and levels of rare
 * languages cannot single anyone out.
 */
function shownLanguages(
  languages: ProjectedRow['languages'],
  rareLanguages: Set<string>,
  disclosure: Disclosure,
): LanguageSkillType[] {
  const common = languages
    .filter(([conceptId]) => !rareLanguages.has(conceptId))
    .map(([conceptId, label, level]) => ({ conceptId, label, level }))
    .sort(byLabel);
  const hasRare = languages.some(([conceptId]) => rareLanguages.has(conceptId));
  return hasRare && disclosure.showsRareLanguages
    ? [...common, { conceptId: null, label: OTHER_LANGUAGE, level: null }]
    : common;
}

/** Swedish collation, made once: `localeCompare(…, 'sv')` builds one per call, the most of projecting's time. */
const SWEDISH = new Intl.Collator('sv');

/**
 * A fixed order (the rows come in no particular one), so that the same profile always reads the same and its search
 * document's content hash is stable: by label, Swedish collation, then concept id.
 */
function byLabel(
  a: { label: string; conceptId: string | null },
  b: { label: string; conceptId: string | null },
) {
  return SWEDISH.compare(a.label, b.label) || (a.conceptId ?? '').localeCompare(b.conceptId ?? '');
}

/** Languages fewer than k of these profiles speak. */
function rareAmong(rows: readonly PublishedRow[], k: number): Set<string> {
  const speakers = new Map<string, number>();
  for (const row of rows) for (const id of row.language_ids) speakers.set(id, (speakers.get(id) ?? 0) + 1);
  return new Set([...speakers].filter(([, count]) => count < k).map(([id]) => id));
}
