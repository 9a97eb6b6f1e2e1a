import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox, enqueueJob, syncSearch } from '#libs/outbox';
import { ProfileChanges } from '#libs/participants';
import { JobName } from '#libs/queue';
import { SearchIndex } from '#libs/search';

/**
 * Records, in the caller's transaction, what keeps matching current: the candidate document and a MatchProfile job
 * per changed profile, a MatchOpening job per changed opening. Job ids carry the entity's version, so a change is
 * matched once however often it is delivered. Placements call it too when a placement changes someone's periods.
 */
@Injectable()
export class MatchingTriggers implements OnModuleInit {
  constructor(
    private readonly profileChanges: ProfileChanges,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.profileChanges.register('matching', (profileIds, manager) =>
      this.profilesChanged(profileIds, manager),
    );
  }

  /**
   * The profiles (or their participants' placements) changed. The version is the later of the profile's and its
   * placements' updated_at, so that a new placement, which leaves the profile row alone, is matched again too.
   */
  async profilesChanged(profileIds: string[], manager: EntityManager): Promise<void> {
    if (profileIds.length === 0) return;
    const rows: Array<{ id: string; version: string }> = await manager.query(
      `SELECT p.id, floor(extract(epoch FROM greatest(p.updated_at, max(pl.updated_at))) * 1000)::bigint::text AS version
       FROM competence_profiles p LEFT JOIN placements pl ON pl.participant_id = p.participant_id
       WHERE p.id = ANY($1) GROUP BY p.id`,
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

  /** The opening changed (published, edited, a place taken, filled, closed): rank it again or expire. */
  async openingChanged(openingId: string, manager: EntityManager): Promise<void> {
    const [row] = (await manager.query(
      `SELECT floor(extract(epoch FROM updated_at) * 1000)::bigint::text AS version FROM openings WHERE id = $1`,
      [openingId],
    )) as Array<{ version: string }>;
    if (!row) return;
    await this.outbox.record(manager, [
      enqueueJob({ name: JobName.MatchOpening, payload: { openingId, version: row.version } }),
    ]);
  }
}
