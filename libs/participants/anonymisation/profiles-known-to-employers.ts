import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Role, type Principal } from '#libs/access-control';

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
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT cp.public_id FROM placements pl
         JOIN participants placed ON placed.id = pl.participant_id
         JOIN participants pt ON pt.id = placed.id
                              OR (placed.personnummer_hash IS NOT NULL AND pt.personnummer_hash = placed.personnummer_hash)
         JOIN competence_profiles cp ON cp.participant_id = pt.id AND cp.status = 'PUBLISHED'
        WHERE pl.employer_organisation_id = $1`,
      [caller.organisationId],
    )) as Array<{ public_id: string }>;
    return new Set(rows.map((row) => row.public_id));
  }
}
