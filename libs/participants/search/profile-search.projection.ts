import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Settings } from 'meilisearch';
import type { DataSource, EntityManager } from 'typeorm';
import { Outbox, syncSearch } from '#libs/outbox';
import { AsSearchProjection, SearchIndex, type SearchProjection } from '#libs/search';
import {
  AnonymisedPopulation,
  oncePerPopulation,
  type Population,
  type PublishedRow,
} from '../anonymisation/anonymised-population.js';
import { ProfileChanges } from '../profile-changes.js';
import { PROFILE_INDEX_SETTINGS, profileDocument, type ProfileDocument } from './profile-document.js';

/** Occupation names of one SSYK group become synonyms of each other when the group has at most this many. */
const SYNONYM_GROUP_MAX = 6;
/** At most this many synonym entries (occupation names) in the index settings. */
const SYNONYM_ENTRIES_MAX = 2_000;

/**
 * The employer search index: one document per profile employers are shown (withheld profiles have none), holding
 * exactly the employer view, generalised as the current published population requires (AnonymisedPopulation, as
 * the API's anonymisedProfiles), keyed by the pseudonym. Every profile change records a sync of the profile in the
 * outbox, in the write's transaction. Because publishing or unpublishing one profile can generalise others
 * differently, each sync also rewrites the documents whose generalisation signature differs from the one
 * Meilisearch last confirmed (table profile_search_signatures), and removes those no longer shown.
 */
@Injectable()
@AsSearchProjection()
export class ProfileSearchProjection implements SearchProjection<ProfileDocument, Population>, OnModuleInit {
  readonly index = SearchIndex.Profiles;
  readonly settings = PROFILE_INDEX_SETTINGS;
  /**
   * The signature of each document sent and not yet confirmed, as the latest send of it loaded it: what the index
   * will hold once Meilisearch applied the sends in flight (they are applied in the order sent).
   */
  private readonly sentSignatures = new Map<string, string>();
  /**
   * The population each document was last sent from, while a sync of it may still be pending: a pending sync whose
   * document was already read from an older population will not write the current one.
   */
  private readonly sentFrom = new Map<string, Population>();
  /**
   * The population `affected` last compared against the signatures, and the one every document matches once the
   * send that compared it is confirmed.
   */
  private compared?: Population;
  private settled?: Population;
  private readonly sortedIds = new WeakMap<Population, string[]>();
  private readonly shownRows = new WeakMap<Population, Map<string, PublishedRow>>();
  /** Each shown profile's signature in a population, hashed once: `affected` and `load` both ask for it. */
  private readonly signatures = new WeakMap<Population, Map<string, string>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly population: AnonymisedPopulation,
    private readonly profileChanges: ProfileChanges,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.profileChanges.register('profile-search', (profileIds, manager) => this.record(profileIds, manager));
  }

  /** Syncs the changed profiles' documents once the write commits (erasure calls this before the row goes). */
  private async record(profileIds: string[], manager: EntityManager): Promise<void> {
    const rows: { public_id: string }[] = await manager.query(
      'SELECT public_id FROM competence_profiles WHERE id = ANY($1::uuid[])',
      [profileIds],
    );
    await this.recordSyncs(
      rows.map((row) => row.public_id),
      manager,
    );
  }

  /**
   * Syncs the documents of these pseudonyms once the write commits: a pseudonym no longer shown (one just renewed)
   * has its document removed, after any earlier write of it (syncs of an index are sent in order).
   */
  async recordSyncs(publicIds: string[], manager: EntityManager): Promise<void> {
    await this.outbox.record(
      manager,
      publicIds.map((publicId) => syncSearch(SearchIndex.Profiles, publicId)),
    );
  }

  /** The current population, read once per sync. */
  snapshot(): Promise<Population> {
    return this.population.current();
  }

  async load(ids: string[], snapshot?: Population): Promise<ProfileDocument[]> {
    const population = snapshot ?? (await this.population.current());
    const shown = this.shownByPublicId(population);
    const rows = [...new Set(ids)].flatMap((id) => shown.get(id) ?? []);
    const rowOf = new Map(rows.map((row) => [row.public_id, row]));
    // A profile erased since the population was read has no view: its document is removed.
    return (await this.population.project(rows, population)).map((view) =>
      profileDocument(view, rowOf.get(view.publicId)!),
    );
  }

  /** Remembers what the index will hold once the sends in flight are applied (see `affected`). */
  sent(written: string[], removed: string[], snapshot?: Population): void {
    if (!snapshot) return;
    const shown = this.shownByPublicId(snapshot);
    for (const id of written) {
      const row = shown.get(id);
      if (row) this.sentSignatures.set(id, this.signatureOf(row, snapshot));
      this.sentFrom.set(id, snapshot);
    }
    for (const id of removed) {
      this.sentSignatures.set(id, REMOVED);
      this.sentFrom.set(id, snapshot);
    }
  }

  private signatureOf(row: PublishedRow, population: Population): string {
    const signatures = oncePerPopulation(this.signatures, population, () => new Map<string, string>());
    let value = signatures.get(row.public_id);
    if (value === undefined) {
      value = signature(row, population);
      signatures.set(row.public_id, value);
    }
    return value;
  }

  /** The shown rows of the population by pseudonym, made once per population: every load looks ids up in it. */
  private shownByPublicId(population: Population): Map<string, PublishedRow> {
    return oncePerPopulation(
      this.shownRows,
      population,
      () => new Map(this.population.shown(population).map((row) => [row.public_id, row])),
    );
  }

  async idsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const population = await this.population.current();
    const ids = oncePerPopulation(this.sortedIds, population, () =>
      this.population
        .shown(population)
        .map((row) => row.public_id)
        .sort(),
    );
    const start = afterId === null ? 0 : sortedIndexAfter(ids, afterId);
    return ids.slice(start, start + limit);
  }

  /**
   * Shown profiles whose generalisation differs from what the index will hold (the sends in flight, else what it
   * last confirmed), and indexed ones no longer shown, but for those whose own sync is still to be claimed. Nothing
   * to compare while the population is the one every document was confirmed for.
   */
  async affected(_ids: string[], snapshot?: Population): Promise<string[]> {
    const population = snapshot ?? (await this.population.current());
    if (population === this.settled) return [];
    const stored = new Map(
      (
        (await this.dataSource.query('SELECT public_id, signature FROM profile_search_signatures')) as {
          public_id: string;
          signature: string;
        }[]
      ).map((row) => [row.public_id, row.signature]),
    );
    for (const [id, sent] of this.sentSignatures) {
      if (sent === REMOVED) stored.delete(id);
      else stored.set(id, sent);
    }
    // Profiles with a sync of their own still pending are written by it, from this population or a later one: not
    // twice (after a bulk change, the first sync would otherwise rewrite every document the later ones write again).
    // But one whose document that sync already read, from an older population, is compared like any other.
    const pending = new Set(await this.outbox.pendingSearchSyncs(this.dataSource.manager, this.index));
    for (const id of this.sentFrom.keys()) if (!pending.has(id)) this.sentFrom.delete(id);
    const writtenByOwnSync = (id: string) =>
      pending.has(id) && (this.sentFrom.get(id) ?? population) === population;
    const changed: string[] = [];
    const shown = new Set<string>();
    for (const row of this.population.shown(population)) {
      shown.add(row.public_id);
      if (!writtenByOwnSync(row.public_id) && stored.get(row.public_id) !== this.signatureOf(row, population))
        changed.push(row.public_id);
    }
    for (const id of stored.keys()) if (!shown.has(id) && !writtenByOwnSync(id)) changed.push(id);
    // Nothing to write: every document matches this population already (or will, by the sends in flight).
    if (changed.length === 0) {
      this.settled = population;
      this.compared = undefined;
    } else this.compared = population;
    return changed;
  }

  /**
   * Remembers what Meilisearch confirmed: the signatures of the written documents in the population they were
   * loaded from; removed ones are forgotten. Once the send that compared the current population is confirmed, every
   * document matches it.
   */
  async indexed(written: string[], removed: string[], snapshot?: Population): Promise<void> {
    const shown = snapshot && this.shownByPublicId(snapshot);
    const confirmed = written.flatMap((id) => {
      const row = shown?.get(id);
      if (!row) return [];
      const value = this.signatureOf(row, snapshot!);
      if (this.sentSignatures.get(id) === value) this.sentSignatures.delete(id);
      return [[id, value] as const];
    });
    for (const id of removed) if (this.sentSignatures.get(id) === REMOVED) this.sentSignatures.delete(id);
    if (confirmed.length > 0) {
      await this.dataSource.query(
        `INSERT INTO profile_search_signatures (public_id, signature)
         SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (public_id) DO UPDATE SET signature = excluded.signature, indexed_at = now()`,
        [confirmed.map(([id]) => id), confirmed.map(([, value]) => value)],
      );
    }
    if (removed.length > 0) {
      await this.dataSource.query('DELETE FROM profile_search_signatures WHERE public_id = ANY($1::text[])', [
        removed,
      ]);
    }
    if (snapshot !== undefined && snapshot === this.compared) {
      this.settled = this.compared;
      this.compared = undefined;
    }
  }

  /** A failed sync: its documents may not be what was sent, so they and the population are compared again. */
  failed(ids: string[]): void {
    for (const id of ids) {
      this.sentSignatures.delete(id);
      this.sentFrom.delete(id);
    }
    this.compared = undefined;
    this.settled = undefined;
  }

  /**
   * Synonyms from the taxonomy: the occupation names of one SSYK group, for groups of at most SYNONYM_GROUP_MAX
   * names (a search for "barnskötare" also finds "barnsköterska"), at most SYNONYM_ENTRIES_MAX names in all.
   */
  async dataSettings(): Promise<Settings> {
    const groups: { labels: string[] }[] = await this.dataSource.query(
      `SELECT array_agg(DISTINCT lower(label)) AS labels FROM taxonomy_occupations
       GROUP BY group_concept_id HAVING count(DISTINCT lower(label)) BETWEEN 2 AND $1
       ORDER BY min(group_concept_id)`,
      [SYNONYM_GROUP_MAX],
    );
    const synonyms: Record<string, string[]> = {};
    let entries = 0;
    for (const { labels } of groups) {
      if (entries + labels.length > SYNONYM_ENTRIES_MAX) break;
      for (const label of labels) synonyms[label] = labels.filter((other) => other !== label);
      entries += labels.length;
    }
    return { synonyms };
  }
}

/**
 * What of a profile's document may change without a change of its own: its generalisation and its rare languages
 * (the rest of the population), its age band's label (the year) and its labels (the taxonomy import).
 */
function signature(row: PublishedRow, population: Population): string {
  const disclosure = population.disclosures.get(row.profile_id);
  const rare = row.language_ids.filter((id) => population.rareLanguages.has(id)).sort();
  return createHash('sha256')
    .update(JSON.stringify([disclosure, rare, population.taxonomyImportedAt]))
    .digest('base64url')
    .slice(0, 22);
}

/** What `sentSignatures` holds for a document whose removal is in flight. */
const REMOVED = '';

/** The index of the first id greater than `afterId` in the sorted `ids`. */
function sortedIndexAfter(ids: string[], afterId: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ids[middle]! <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}
