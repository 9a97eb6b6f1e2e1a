import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '#libs/config';
import type { SwedishLevel } from '#libs/vocabulary';
import type { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import { ProfileStatus } from '../profile-status.js';
import { ageFromBirthYear } from './age-band.js';
import { employerDocuments } from './employer-documents.js';
import {
  generalise,
  generaliseToStableFloors,
  type Disclosure,
  type QuasiIdentifiers,
} from './k-anonymity.js';

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
}

/** The generalised published population: what every employer read and the employer search index work from. */
export interface Population {
  /** Newest publication first. */
  rows: PublishedRow[];
  /** What each profile shows, by profile id; null: withheld. */
  disclosures: Map<string, Disclosure | null>;
  rareLanguages: Set<string>;
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
        population: this.computePopulation().then(({ population, floorsRaisedBy }) => {
          // Its own raised floors change the fingerprint by exactly that much: the next read finds it cached,
          // unless anything else changed meanwhile (then the fingerprint differs and it is computed again).
          entry.key = this.keyOf({ ...fingerprint, floorSum: fingerprint.floorSum + floorsRaisedBy });
          return population;
        }),
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
              || coalesce(sum(extract(epoch FROM updated_at)), 0)::text
              || '/' || coalesce((SELECT max(imported_at)::text FROM taxonomy_imports), '-') AS rows,
              coalesce(sum(disclosure_floor), 0)::bigint::text AS floor_sum
       FROM competence_profiles WHERE status = $1`,
      [ProfileStatus.PUBLISHED],
    )) as [{ rows: string; floor_sum: string }];
    return { rows: row.rows, floorSum: Number(row.floor_sum) };
  }

  private keyOf(fingerprint: Fingerprint): string {
    // Ages move with the year; k is configuration.
    return `${fingerprint.rows}/${fingerprint.floorSum}/${new Date().getUTCFullYear()}/${this.config.anonymity.k}`;
  }

  /** The population, and by how much it raised the floors of the profiles it read. */
  private async computePopulation(): Promise<{ population: Population; floorsRaisedBy: number }> {
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
    return { population: { rows, disclosures, rareLanguages }, floorsRaisedBy };
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
   * The allow-listed employer views of the shown `rows` (employerDocuments: only the fields named there ever leave
   * for employers), in the order of `rows`; a profile gone since the population was read (erased) is left out.
   */
  async project(rows: PublishedRow[], population: Population): Promise<AnonymisedProfileType[]> {
    const documents = await employerDocuments(this.dataSource.manager, rows, population);
    return documents.map(({ document }) => {
      const { id, ...shown } = JSON.parse(document) as ProfileDocumentFields;
      return {
        publicId: id,
        experience: shown.experience,
        skills: shown.skills,
        verifiedSkillIds: shown.verifiedSkillIds,
        educationLevel: shown.educationLevel,
        swedishLevel: shown.swedishLevel,
        languages: shown.languages,
        drivingLicences: shown.drivingLicences,
        availability: shown.availability,
        area: shown.area,
        ageBand: shown.ageBand,
        wantedKinds: shown.wantedKinds,
        summary: shown.summary,
      };
    });
  }
}

/** The view's fields of an employer document (the rest are filter attributes derived from them). */
type ProfileDocumentFields = Omit<AnonymisedProfileType, 'publicId'> & { id: string };

/** Languages fewer than k of these profiles speak. */
function rareAmong(rows: readonly PublishedRow[], k: number): Set<string> {
  const speakers = new Map<string, number>();
  for (const row of rows) for (const id of row.language_ids) speakers.set(id, (speakers.get(id) ?? 0) + 1);
  return new Set([...speakers].filter(([, count]) => count < k).map(([id]) => id));
}
