import { advisoryXactLock } from '#libs/database';
import { addDays, addMonths, isoDate, parseIsoDate, todayInSweden } from '#libs/calendar';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MeilisearchApiError } from 'meilisearch';
import { In, type DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { AppConfig } from '#libs/config';
import { Outbox, enqueueJob } from '#libs/outbox';
import { JobName, JobStatus, OnJob, type JobPayloads } from '#libs/queue';
import { SearchClient, SearchIndex } from '#libs/search';
import { ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS } from '#libs/vocabulary';
import { MatchProposal } from './entities/match-proposal.entity.js';
import {
  allRequiredSkillsFilter,
  candidateFilter,
  occupationFilter,
  skillFilter,
} from './hard-constraints.js';
import type { CandidateFacts, OpeningFacts } from './match-facts.js';
import { MatchingData, type LoadedCandidate, type LoadedOpening } from './matching-data.js';
import { MatchingTriggers } from './matching-triggers.js';
import { ProposalOrigin, ProposalStatus } from './proposal-status.js';
import { proposalValues, scoreMatch, settingsFingerprint, type ScoredMatch } from './scoring.js';

/** A freshly scored profile for one opening. */
interface Fresh {
  participantId: string;
  scored: ScoredMatch;
}

/**
 * Profiles MatchOpening holds against their MatchProfile in one statement before reading them; each is an entry in
 * PostgreSQL's shared lock table (64 × max_connections by default), so a retrieval limit of thousands is held later,
 * for those about to be proposed only.
 */
const HOLD_AT_ONCE = 600;
/** Statuses matching may write over; CONFIRMED and REJECTED are the coaches' and stay as they are. */
const MATCHABLE = [ProposalStatus.PROPOSED, ProposalStatus.EXPIRED];
/** Days of newly urgent profiles the nightly ranking asks for (see rankNewlyUrgentProfiles). */
const URGENCY_CATCH_UP_DAYS = 3;

/**
 * The scoring worker. MatchOpening ranks an opening's candidates (retrieved from Meilisearch with the hard
 * constraints as filters, checked again on PostgreSQL's rows); MatchProfile fits one profile into the rankings of
 * the published openings. Both write in one transaction per opening set, under a transaction-level advisory lock
 * per opening, and write only rows whose score inputs, rank or status change: a re-run on the same input writes
 * nothing.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly search: SearchClient,
    private readonly data: MatchingData,
    private readonly outbox: Outbox,
    private readonly triggers: MatchingTriggers,
  ) {}

  @OnJob(JobName.MatchOpening)
  async matchOpening({ openingId, version }: JobPayloads[JobName.MatchOpening]): Promise<JobStatus> {
    return this.dataSource.transaction(async (manager) => {
      await lockOpenings(manager, [openingId]);
      const opening = (await this.data.openings([openingId], manager)).get(openingId);
      if (!opening) return JobStatus.Skipped;
      if (!opening.open) {
        const rows = await manager.find(MatchProposal, { where: { openingId } });
        // An ended opening's requests stay for the coach to answer while their profile is published (see
        // LoadedOpening.ended).
        const requests = opening.ended ? rows.filter(isRequest).map((row) => row.profileId) : [];
        const published = new Set(
          [...(await this.data.candidates(requests, manager))]
            .filter(([, candidate]) => candidate.facts.published)
            .map(([profileId]) => profileId),
        );
        const expiring = rows.filter((row) => !(isRequest(row) && published.has(row.profileId)));
        await this.settle(manager, openingId, expiring, new Map(), false, () => opening.closedReason);
        return JobStatus.Success;
      }
      // Profiles whose candidate document is still on its way are scored from PostgreSQL too: asked before the
      // index, so that a profile published just before the opening is never missed (MatchProfile saw no opening).
      const unindexed = await this.outbox.pendingSearchSyncs(manager, SearchIndex.Candidates);
      // The opening's proposals are read while Meilisearch retrieves.
      const [rows, retrieved] = await Promise.all([
        manager.find(MatchProposal, { where: { openingId } }),
        this.retrieve(opening.facts),
      ]);
      const decided = new Set(
        rows.filter((row) => !MATCHABLE.includes(row.status)).map((row) => row.profileId),
      );
      // And employers' requests, also expired ones (the opening was filled, say): retrieval may not find them, as a
      // request may break a hard constraint, but they come back while the profile is published (as MatchProfile does).
      const proposed = rows
        .filter(
          (row) =>
            row.status === ProposalStatus.PROPOSED || (isRequest(row) && MATCHABLE.includes(row.status)),
        )
        .map((row) => row.profileId);
      const byProfile = new Map(rows.map((row) => [row.profileId, row]));
      const ids = [...new Set([...retrieved, ...proposed, ...unindexed])];
      // Those who may be proposed here for the first time (no row a MatchProfile could see) are held against their
      // MatchProfile before their facts are read (see holdAgainstMatchProfile), up to HOLD_AT_ONCE of them; one whose
      // MatchProfile runs now is left to it, and to a MatchProfile after this commit, in case that one read the open
      // openings before this one was published.
      const unseen = ids.filter((id) => !byProfile.has(id));
      const held = await holdAgainstMatchProfile(manager, unseen.slice(0, HOLD_AT_ONCE));
      const running = unseen.slice(0, HOLD_AT_ONCE).filter((id) => !held.has(id));
      const left = new Set(running);
      const candidates = await this.data.candidates(
        ids.filter((id) => !left.has(id)),
        manager,
      );
      const fresh = new Map<string, Fresh>();
      const today = todayInSweden();
      const reasons = new Map<string, string>();
      const judge = (profileId: string, candidate: LoadedCandidate | undefined) => {
        fresh.delete(profileId);
        if (!candidate) return;
        const scored = scoreMatch(opening.facts, candidate.facts, this.config.matching.weights, today);
        // An employer's request stays while the profile is published, its unmet constraints listed.
        const row = byProfile.get(profileId);
        const keep = row && isRequest(row) ? candidate.facts.published : scored.broken.length === 0;
        if (keep) fresh.set(profileId, { participantId: candidate.facts.participantId, scored });
        else reasons.set(profileId, brokenReason(scored));
      };
      for (const [profileId, candidate] of candidates)
        if (!decided.has(profileId)) judge(profileId, candidate);
      // Beyond HOLD_AT_ONCE (a large retrieval limit, a bulk of unindexed profiles), those about to be proposed are
      // held now and judged again from what holds then.
      const judged = new Set(held);
      for (;;) {
        const newcomers = this.best(fresh, byProfile).filter((id) => !byProfile.has(id) && !judged.has(id));
        if (newcomers.length === 0) break;
        const now = await holdAgainstMatchProfile(manager, newcomers);
        const current = await this.data.candidates([...now], manager);
        for (const id of newcomers) {
          judged.add(id);
          judge(id, now.has(id) ? current.get(id) : undefined);
          if (!now.has(id)) running.push(id);
        }
      }
      await this.outbox.record(
        manager,
        running.map((profileId) =>
          enqueueJob({
            name: JobName.MatchProfile,
            payload: { profileId, version: `after-opening-${openingId}-${version}` },
          }),
        ),
      );
      await this.settle(manager, openingId, rows, fresh, false, (id) => reasons.get(id) ?? null);
      return JobStatus.Success;
    });
  }

  /** The profiles `settle` would keep of `fresh` alone (MatchOpening's ranking), best first. */
  private best(fresh: Map<string, Fresh>, byProfile: Map<string, MatchProposal>): string[] {
    return keptInRanking(
      [...fresh].map(([id, { scored }]) => [
        id,
        { score: scored.score, origin: byProfile.get(id)?.origin ?? ProposalOrigin.MATCHING },
      ]),
      this.config.matching.topN,
    );
  }

  /**
   * Every night: the proposals of PUBLISHED openings whose last day has passed expire, each opening as its
   * MatchOpening would do it (nothing else happens to an opening on the day it ends); employers' requests stay.
   */
  @OnJob(JobName.ExpireEndedOpenings)
  async expireEndedOpenings(): Promise<JobStatus> {
    const ended: Array<{ id: string }> = await this.dataSource.query(
      `SELECT o.id FROM openings o
        WHERE o.status = 'PUBLISHED' AND o.end_date < $1
          AND EXISTS (SELECT 1 FROM match_proposals p
                       WHERE p.opening_id = o.id AND p.status = $2 AND p.origin = 'MATCHING')
        ORDER BY o.id`,
      [todayInSweden(), ProposalStatus.PROPOSED],
    );
    for (const { id } of ended) await this.matchOpening({ openingId: id, version: 'ended' });
    return ended.length > 0 ? JobStatus.Success : JobStatus.Skipped;
  }

  /**
   * Every night: the profiles whose etableringsperiod comes within ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS months of its
   * end with the new day are urgent from today, which only the day changed: a MatchProfile job each (through the
   * outbox; the job id carries the day) ranks their proposals again. Those that became urgent in the last
   * URGENCY_CATCH_UP_DAYS days are asked for, so that a night the worker missed is made up (ranking an unchanged
   * profile again writes nothing).
   */
  @OnJob(JobName.RankNewlyUrgentProfiles)
  async rankNewlyUrgentProfiles(): Promise<JobStatus> {
    const today = todayInSweden();
    const urgentFrom = (day: Date) => isoDate(addMonths(day, ACT_MONTHS_BEFORE_ESTABLISHMENT_ENDS));
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT p.id FROM competence_profiles p JOIN participants pt ON pt.id = p.participant_id
          WHERE p.status = 'PUBLISHED' AND pt.erased_at IS NULL
            AND p.establishment_period_ends_on > $1 AND p.establishment_period_ends_on <= $2
          ORDER BY p.id`,
        [urgentFrom(addDays(parseIsoDate(today), -URGENCY_CATCH_UP_DAYS)), urgentFrom(parseIsoDate(today))],
      );
      await this.outbox.record(
        manager,
        rows.map(({ id }) =>
          enqueueJob({ name: JobName.MatchProfile, payload: { profileId: id, version: `urgent-${today}` } }),
        ),
      );
      return rows.length > 0 ? JobStatus.Success : JobStatus.Skipped;
    });
  }

  /**
   * At every start of the worker: when the scoring settings (algorithm version, weights, top N, candidate limit)
   * differ from those the proposals were ranked with, every open opening is ranked again (a MatchOpening job each,
   * its id carrying the settings' fingerprint and the time), so that no ranking mixes scores of old and new weights
   * for long. The first start records the settings only (the migration that made the table recorded unknown
   * settings where proposals existed, so that an upgraded installation ranks its open openings again).
   */
  @OnJob(JobName.RankAfterSettingsChange)
  async rankAfterSettingsChange(): Promise<JobStatus> {
    const fingerprint = settingsFingerprint(this.config.matching);
    return this.dataSource.transaction(async (manager) => {
      await advisoryXactLock(manager, 'matching-settings');
      const [stored] = (await manager.query('SELECT fingerprint FROM matching_settings')) as Array<{
        fingerprint: string;
      }>;
      if (stored?.fingerprint === fingerprint) return JobStatus.Skipped;
      await manager.query(
        `INSERT INTO matching_settings (id, fingerprint) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, changed_at = now()`,
        [fingerprint],
      );
      // A first start ranked nothing with other settings (an upgraded installation has a row from its migration).
      if (!stored) return JobStatus.Skipped;
      const changedAt = Date.now();
      const openingIds = await this.data.openOpeningIds(manager);
      await this.outbox.record(
        manager,
        openingIds.map((openingId) =>
          enqueueJob({
            name: JobName.MatchOpening,
            payload: { openingId, version: `settings-${fingerprint}-${changedAt}` },
          }),
        ),
      );
      this.logger.log({
        message: 'Scoring settings changed: open openings ranked again',
        openings: openingIds.length,
      });
      return JobStatus.Success;
    });
  }

  /**
   * Ranks one profile into the openings it concerns: the open ones it meets every hard constraint of, and those it
   * has a proposal in. Under the profile's own lock (see holdAgainstMatchProfile), which openings those are is read
   * first; the profile and those openings are read again once the openings' locks are held, and scored from that:
   * a MatchOpening that held a lock meanwhile wrote from facts at least as new, which older ones read before the wait
   * must not overwrite (a requirement raised in between would otherwise come back broken).
   */
  @OnJob(JobName.MatchProfile)
  async matchProfile({ profileId }: JobPayloads[JobName.MatchProfile]): Promise<JobStatus> {
    return this.dataSource.transaction(async (manager) => {
      // Before the proposals are read: a MatchOpening proposes this profile for the first time only while no
      // MatchProfile of it runs (holdAgainstMatchProfile), so none is written behind the read.
      await advisoryXactLock(manager, matchProfileLock(profileId));
      return this.rankProfile(profileId, manager);
    });
  }

  private async rankProfile(profileId: string, manager: EntityManager): Promise<JobStatus> {
    const candidate = (await this.data.candidates([profileId], manager)).get(profileId);
    // Erased: the proposals went with the profile.
    if (!candidate) return JobStatus.Skipped;
    const own = await manager.find(MatchProposal, { where: { profileId } });
    const openIds = candidate.facts.published ? await this.data.openOpeningIds(manager) : [];
    const openings = await this.data.openings(
      [...new Set([...openIds, ...own.map((row) => row.openingId)])],
      manager,
    );
    const today = todayInSweden();
    const score = (opening: LoadedOpening, facts: CandidateFacts): ScoredMatch | undefined =>
      opening.open && facts.published
        ? scoreMatch(opening.facts, facts, this.config.matching.weights, today)
        : undefined;
    // Not the openings it was decided in, nor closed ones whose proposal already expired: nothing to write there.
    const affected = [...openings.keys()].filter((openingId) => {
      const opening = openings.get(openingId)!;
      const mine = own.find((row) => row.openingId === openingId);
      if (mine)
        return MATCHABLE.includes(mine.status) && (opening.open || mine.status !== ProposalStatus.EXPIRED);
      return score(opening, candidate.facts)?.broken.length === 0;
    });
    if (affected.length === 0) return JobStatus.Skipped;
    await lockOpenings(manager, affected);
    const current = (await this.data.candidates([profileId], manager)).get(profileId);
    if (!current) return JobStatus.Skipped;
    const locked = await this.data.openings(affected, manager);
    const rows = await manager.find(MatchProposal, { where: { openingId: In(affected) } });
    for (const openingId of affected.sort()) {
      const opening = locked.get(openingId);
      if (!opening) continue;
      const ofOpening = rows.filter((row) => row.openingId === openingId);
      const mine = ofOpening.find((row) => row.profileId === profileId);
      if (mine && !MATCHABLE.includes(mine.status)) continue;
      // An ended opening's request stays as it is while the profile is published (see LoadedOpening.ended).
      if (opening.ended && mine && isRequest(mine) && current.facts.published) continue;
      const result = score(opening, current.facts);
      const requested = mine !== undefined && isRequest(mine);
      const fresh = new Map<string, Fresh>();
      let reason: string | null = null;
      if (!current.facts.published) reason = 'the profile is no longer published';
      else if (!opening.open) reason = opening.closedReason;
      else if (result && (requested || result.broken.length === 0)) {
        fresh.set(profileId, { participantId: current.facts.participantId, scored: result });
      } else if (result) {
        reason = brokenReason(result);
      }
      await this.settle(manager, openingId, ofOpening, fresh, true, (id) =>
        id === profileId ? reason : null,
      );
      // Its proposal expired from an open opening: ranked again, the next best takes the place among the N.
      if (reason !== null && opening.open && mine?.status === ProposalStatus.PROPOSED)
        // The row's time tells this expiry from an earlier one of the same proposal (it may have come back since).
        await this.triggers.openingChanged(
          openingId,
          manager,
          `expired-${mine.id}-${mine.updatedAt.getTime()}`,
        );
    }

    return JobStatus.Success;
  }

  /**
   * Candidate profile ids for the opening, at most MATCH_CANDIDATE_LIMIT, all within the hard constraints: first
   * those with a relevant occupation and every required skill, then the rest with a relevant occupation, then those
   * with one of its skills, then the others (one multi-search). Within a tier Meilisearch has no score to order by,
   * so when a tier alone holds more than the limit, the limit decides who is scored: keep it well above the number
   * of candidates one opening normally has in reach.
   */
  async retrieve(opening: OpeningFacts): Promise<string[]> {
    const limit = this.config.matching.candidateLimit;
    const hard = candidateFilter(opening);
    const occupation = occupationFilter(opening);
    const skills = skillFilter(opening);
    const covered = allRequiredSkillsFilter(opening);
    const tiers = [
      ...(covered
        ? [`${hard} AND ${occupation} AND ${covered}`, `${hard} AND ${occupation} AND NOT ${covered}`]
        : [`${hard} AND ${occupation}`]),
      ...(skills ? [`${hard} AND NOT ${occupation} AND ${skills}`] : []),
      `${hard} AND NOT ${occupation}${skills ? ` AND NOT ${skills}` : ''}`,
    ];
    try {
      const { results } = await this.search.meilisearch.multiSearch({
        queries: tiers.map((filter) => ({
          indexUid: this.search.uid(SearchIndex.Candidates),
          q: '',
          filter,
          limit,
          attributesToRetrieve: ['id'],
        })),
      });
      return results.flatMap((result) => result.hits.map((hit) => String(hit.id))).slice(0, limit);
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return [];
      throw error;
    }
  }

  /**
   * Makes the opening's proposals what `fresh` says: its profiles are written (inserted, refreshed or brought back
   * from expiry), ranked by score with the best N of origin MATCHING kept (employer requests always). With
   * `keepOthers`, the opening's other PROPOSED rows stay in the ranking with their scores (MatchProfile); without,
   * `fresh` is the whole ranking (MatchOpening). A PROPOSED row left out expires, with `reasonFor` its profile or
   * "no longer among the best N"; a row `reasonFor` names is left out.
   */
  private async settle(
    manager: EntityManager,
    openingId: string,
    rows: MatchProposal[],
    fresh: Map<string, Fresh>,
    keepOthers: boolean,
    reasonFor: (profileId: string) => string | null,
  ): Promise<void> {
    const topN = this.config.matching.topN;
    const byProfile = new Map(rows.map((row) => [row.profileId, row]));
    const entries = new Map<string, { score: number; origin: ProposalOrigin }>();
    if (keepOthers) {
      for (const row of rows) {
        if (row.status === ProposalStatus.PROPOSED && reasonFor(row.profileId) === null) {
          entries.set(row.profileId, { score: row.score, origin: row.origin });
        }
      }
    }
    for (const [id, { scored }] of fresh) {
      entries.set(id, { score: scored.score, origin: byProfile.get(id)?.origin ?? ProposalOrigin.MATCHING });
    }
    const rankOf = new Map(keptInRanking([...entries], topN).map((id, index) => [id, index + 1]));
    const inserts: QueryDeepPartialEntity<MatchProposal>[] = [];
    for (const [id, rank] of rankOf) {
      const row = byProfile.get(id);
      const update = fresh.get(id);
      if (update) {
        if (row) await this.write(manager, row, update, rank);
        else inserts.push(this.newProposal(openingId, id, update, rank));
      } else if (row && row.rank !== rank) {
        await manager.update(MatchProposal, { id: row.id, status: ProposalStatus.PROPOSED }, { rank });
      }
    }
    // New proposals in one statement (a fresh opening's top N at once). Nothing reads the inserted rows back: without
    // TypeORM's RETURNING and the update of the values from it, a fresh opening's 20 took 4.8 ms instead of 6.6 (p50).
    if (inserts.length > 0)
      await manager
        .createQueryBuilder()
        .insert()
        .into(MatchProposal)
        .values(inserts)
        .orIgnore()
        .updateEntity(false)
        .execute();
    for (const row of rows) {
      if (row.status !== ProposalStatus.PROPOSED || rankOf.has(row.profileId)) continue;
      await manager.update(
        MatchProposal,
        { id: row.id, status: ProposalStatus.PROPOSED },
        {
          status: ProposalStatus.EXPIRED,
          rank: null,
          expiryReason: reasonFor(row.profileId) ?? `no longer among the best ${topN}`,
        },
      );
    }
  }

  /** The row of a new proposal. */
  private newProposal(
    openingId: string,
    profileId: string,
    { participantId, scored }: Fresh,
    rank: number,
  ): QueryDeepPartialEntity<MatchProposal> {
    return {
      openingId,
      profileId,
      participantId,
      status: ProposalStatus.PROPOSED,
      rank,
      ...proposalValues(scored),
    };
  }

  /** Refreshes one proposal; writes nothing when its inputs, rank and status are unchanged. */
  private async write(
    manager: EntityManager,
    row: MatchProposal,
    { scored }: Fresh,
    rank: number,
  ): Promise<void> {
    if (row.status === ProposalStatus.PROPOSED && row.inputsHash === scored.inputsHash && row.rank === rank)
      return;
    await manager.update(
      MatchProposal,
      { id: row.id, status: In(MATCHABLE) },
      { rank, ...proposalValues(scored), status: ProposalStatus.PROPOSED, expiryReason: null },
    );
    if (row.status === ProposalStatus.EXPIRED) {
      this.logger.debug({ message: 'Proposal back from expiry', proposalId: row.id });
    }
  }
}

function brokenReason(scored: ScoredMatch): string {
  return `no longer meets: ${scored.broken.map((broken) => broken.rule).join(', ')}`;
}

function isRequest(row: MatchProposal): boolean {
  return row.origin === ProposalOrigin.EMPLOYER_REQUEST;
}

/**
 * The ranking's ids, best first: by score (then id), the best `topN` of origin MATCHING, every employer request.
 */
function keptInRanking(
  entries: Array<[string, { score: number; origin: ProposalOrigin }]>,
  topN: number,
): string[] {
  const ordered = [...entries].sort(([a, x], [b, y]) => y.score - x.score || (a < b ? -1 : 1));
  let matching = 0;
  const kept: string[] = [];
  for (const [id, { origin }] of ordered) {
    if (origin === ProposalOrigin.MATCHING && ++matching > topN) continue;
    kept.push(id);
  }
  return kept;
}

/**
 * Holds these profiles against their MatchProfile until commit (a shared `match-profile:<id>` lock, which
 * MatchProfile takes exclusively before it reads the profile's proposals): MatchProfile ranks a profile into the
 * openings it has a proposal in or now qualifies for, so a proposal written from facts read before a change of the
 * profile, and committed after that change's MatchProfile read its proposals, would stay unseen. Taken without
 * waiting (a MatchProfile holds its lock while it waits for the openings' locks, which MatchOpening holds); returns
 * the ids held, the others' MatchProfile running now.
 */
async function holdAgainstMatchProfile(manager: EntityManager, profileIds: string[]): Promise<Set<string>> {
  const sorted = [...profileIds].sort();
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM unnest($1::text[], $2::text[]) AS held(id, key)
      WHERE pg_try_advisory_xact_lock_shared(hashtextextended(key, 0))`,
    [sorted, sorted.map(matchProfileLock)],
  );
  return new Set(rows.map((row) => row.id));
}

/** The advisory lock key of one profile's MatchProfile (see holdAgainstMatchProfile). */
function matchProfileLock(profileId: string): string {
  return `match-profile:${profileId}`;
}

/**
 * Serialises matching per opening: a transaction-level advisory lock per opening, taken in id order so that two
 * jobs locking several openings cannot deadlock. Released at commit or rollback.
 */
export async function lockOpenings(manager: EntityManager, openingIds: string[]): Promise<void> {
  for (const id of [...openingIds].sort()) {
    await advisoryXactLock(manager, `match-opening:${id}`);
  }
}
