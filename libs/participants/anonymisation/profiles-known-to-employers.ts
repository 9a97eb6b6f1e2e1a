import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Role, type Principal } from '#libs/access-control';
import { OutboxMessageKind } from '#libs/outbox';
import { SearchIndex } from '#libs/search';

/** The pseudonyms of the profiles placed in openings of the organisation $1 (see ProfilesKnownToEmployers). */
const KNOWN_SQL = `
  SELECT cp.public_id FROM placements pl
    JOIN participants placed ON placed.id = pl.participant_id
    JOIN participants pt ON pt.id = placed.id
                         OR (placed.personnummer_hash IS NOT NULL AND pt.personnummer_hash = placed.personnummer_hash)
    JOIN competence_profiles cp ON cp.participant_id = pt.id AND cp.status = 'PUBLISHED'
   WHERE pl.employer_organisation_id = $1`;

/** Pending profile syncs `LEAVING_SQL` looks at, the newest: what a backlog holds beyond them waits for the worker. */
const LEAVING_LOOKED_AT = 1_000;

/**
 * The pseudonyms whose document is on its way out of the profiles index: a sync of it is still in the outbox and no
 * published profile goes by it any more (a pseudonym renewed at a confirmation, a profile unpublished or paused, a
 * consent withdrawn, a person erased). Normally none: the worker removes such a document within a moment. Only the
 * newest LEAVING_LOOKED_AT pending syncs are looked at (walked backwards on the pending index), so that a search
 * costs the same while the worker works through a backlog (a reindex, a bulk change).
 */
const LEAVING_SQL = `
  SELECT m.public_id FROM (
    SELECT message.payload->>'id' AS public_id FROM outbox_messages message
     WHERE message.delivered_at IS NULL AND message.kind = '${OutboxMessageKind.SearchSync}'
       AND message.payload->>'index' = '${SearchIndex.Profiles}'
     ORDER BY message.id DESC LIMIT ${LEAVING_LOOKED_AT}) m
   WHERE NOT EXISTS (SELECT 1 FROM competence_profiles cp JOIN participants pt ON pt.id = cp.participant_id
                      WHERE cp.public_id = m.public_id AND cp.status = 'PUBLISHED' AND pt.erased_at IS NULL)`;

/**
 * The profiles an employer knows the person behind: everyone confirmed into one of its organisation's openings (any
 * placement, cancelled ones too: the confirmation introduced them), under whichever organisation's registration.
 * Their pseudonym is renewed at the confirmation too (CompetenceProfilesService.renewPseudonym), so the one the
 * employer may have seen leads nowhere. Such an employer could tell the anonymised
 * profile by what it saw and confirmed — the skills of its kompetensbevis — and follow the person through it, so it
 * is never shown to that employer: not in browse, not by its pseudonym, not in search or its counts.
 */
@Injectable()
export class ProfilesKnownToEmployers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pseudonyms (public ids) hidden from `caller`; none for coaches and admins. */
  async of(caller: Principal): Promise<Set<string>> {
    if (caller.role !== Role.EMPLOYER) return new Set();
    // The same person registered by another coaching organisation (same personnummer) is known as well.
    const rows = (await this.dataSource.query(KNOWN_SQL, [caller.organisationId])) as Array<{
      public_id: string;
    }>;
    return new Set(rows.map((row) => row.public_id));
  }

  /**
   * What search leaves out for `caller`, read in one query: the pseudonyms `of` gives, and those whose document is
   * on its way out of the index, so that a confirmation, an unpublished profile or an erasure is out of the next
   * search at once, not once the worker has removed the document.
   */
  async hiddenInSearch(caller: Principal): Promise<Set<string>> {
    const rows = (await this.dataSource.query(
      caller.role === Role.EMPLOYER ? `${KNOWN_SQL} UNION ALL ${LEAVING_SQL}` : LEAVING_SQL,
      caller.role === Role.EMPLOYER ? [caller.organisationId] : [],
    )) as Array<{ public_id: string }>;
    return new Set(rows.map((row) => row.public_id));
  }
}
