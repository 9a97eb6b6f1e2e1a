import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowVersionSql } from '#libs/database';
import { Outbox, enqueueJob, syncSearch } from '#libs/outbox';
import { ParticipantErasure, ProfileChanges } from '#libs/participants';
import { JobName } from '#libs/queue';
import { SearchIndex } from '#libs/search';
import { TracksService } from '#libs/tracks';

/**
 * Records, in the caller's transaction, what keeps matching current: the candidate document and a MatchProfile job
 * per changed profile, a MatchOpening job per changed opening. Job ids carry the entity's version, so a change is
 * matched once however often it is delivered. Placements call it too when a placement changes someone's periods.
 */
@Injectable()
export class MatchingTriggers implements OnModuleInit {
  constructor(
    private readonly profileChanges: ProfileChanges,
    private readonly erasure: ParticipantErasure,
    private readonly outbox: Outbox,
    private readonly tracks: TracksService,
  ) {}

  onModuleInit(): void {
    this.profileChanges.register('matching', (profileIds, manager) =>
      this.profilesChanged(profileIds, manager),
    );
    this.erasure.register('matching', (participantId, manager) =>
      this.participantErased(participantId, manager),
    );
    this.tracks.onTrackChange((trackId, manager) => this.trackChanged(trackId, manager));
  }

  /**
   * The profiles (or their participants' placements or track enrolments) changed. The version is the latest of the
   * profile's and its placements' updated_at and its enrolments' times (enrolled, withdrawn), so that a new placement
   * or enrolment, which leaves the profile row alone, is matched again too.
   */
  async profilesChanged(profileIds: string[], manager: EntityManager): Promise<void> {
    if (profileIds.length === 0) return;
    const rows: Array<{ id: string; version: string }> = await manager.query(
      `SELECT p.id, ${rowVersionSql(`greatest(p.updated_at,
                (SELECT max(updated_at) FROM placements WHERE participant_id = p.participant_id),
                (SELECT max(coalesce(withdrawn_at, enrolled_at)) FROM track_enrolments
                  WHERE participant_id = p.participant_id))`)} AS version
       FROM competence_profiles p WHERE p.id = ANY($1)`,
      [profileIds],
    );
    const versions = new Map(rows.map((row) => [row.id, row.version]));
    await this.outbox.record(
      manager,
      profileIds.flatMap((profileId) => {
        const version = versions.get(profileId);
        // A profile already deleted has no document left to keep and no proposals left to expire.
        return version === undefined
          ? [syncSearch(SearchIndex.Candidates, profileId)]
          : [
              syncSearch(SearchIndex.Candidates, profileId),
              enqueueJob({ name: JobName.MatchProfile, payload: { profileId, version } }),
            ];
      }),
    );
  }

  /**
   * The person is being erased: their proposals go with the profile, so each opening one of them was PROPOSED for is
   * ranked again, and the next best takes the place.
   */
  async participantErased(participantId: string, manager: EntityManager): Promise<void> {
    const rows: Array<{ id: string; opening_id: string }> = await manager.query(
      `SELECT id, opening_id FROM match_proposals WHERE participant_id = $1 AND status = 'PROPOSED' ORDER BY opening_id`,
      [participantId],
    );
    for (const row of rows) await this.openingChanged(row.opening_id, manager, `erased-${row.id}`);
  }

  /**
   * The opening changed (published, edited, a place taken, filled, closed), or one of its proposals was decided
   * (`cause`, which the job id then carries, as the opening itself did not change): rank it again or expire.
   */
  async openingChanged(openingId: string, manager: EntityManager, cause?: string): Promise<void> {
    const [row] = (await manager.query(
      `SELECT ${rowVersionSql('updated_at')} AS version FROM openings WHERE id = $1`,
      [openingId],
    )) as Array<{ version: string }>;
    if (!row) return;
    const version = cause ? `${row.version}.${cause}` : row.version;
    await this.outbox.record(manager, [
      enqueueJob({ name: JobName.MatchOpening, payload: { openingId, version } }),
    ]);
  }

  /**
   * A track changed: its prerequisites are hard constraints of the JOBBSPAR openings in its intakes, so each published
   * one is ranked again (proposals that no longer meet them expire, people who now do are proposed). The version is
   * the opening's and the track's, so that a track change is matched even when the opening did not change.
   */
  async trackChanged(trackId: string, manager: EntityManager): Promise<void> {
    const rows: Array<{ id: string; version: string }> = await manager.query(
      `SELECT o.id, ${rowVersionSql('o.updated_at')} || '.track-' || ${rowVersionSql('t.updated_at')} AS version
         FROM openings o
         JOIN track_intakes ti ON ti.id = o.track_intake_id
         JOIN tracks t ON t.id = ti.track_id
        WHERE t.id = $1 AND o.kind = 'JOBBSPAR' AND o.status = 'PUBLISHED'`,
      [trackId],
    );
    await this.outbox.record(
      manager,
      rows.map((row) =>
        enqueueJob({ name: JobName.MatchOpening, payload: { openingId: row.id, version: row.version } }),
      ),
    );
  }
}
