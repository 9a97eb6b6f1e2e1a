import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/access-control';
import { AppError } from '#libs/errors';
import { PersonalDataCipher } from '#libs/personal-data';
import type { Page, PageArgs } from '#libs/pagination';
import type { AnonymisedProfileType } from '../dtos/anonymised-profile.type.js';
import { AnonymisedPopulation } from './anonymised-population.js';
import { ProfilesKnownToEmployers } from './profiles-known-to-employers.js';

interface Cursor {
  publishedAt: string;
  publicId: string;
}

/**
 * The employer view: a fixed allow-list projection of published profiles, k-anonymised over the whole published
 * population on every read (so it is always consistent with what is published now). Reads PostgreSQL, not the
 * search index: a profile is shown or hidden here at once, while the index follows through the outbox.
 */
@Injectable()
export class AnonymisedProfilesService {
  constructor(
    private readonly population: AnonymisedPopulation,
    private readonly cipher: PersonalDataCipher,
    private readonly known: ProfilesKnownToEmployers,
  ) {}

  async list(caller: Principal, args: PageArgs): Promise<Page<AnonymisedProfileType>> {
    const population = await this.population.current();
    const known = await this.known.of(caller);
    const all = this.population.shown(population);
    const shown = known.size > 0 ? all.filter((row) => !known.has(row.public_id)) : all;
    let start = 0;
    if (args.after) {
      const cursor = this.decodeCursor(args.after);
      start = shown.findIndex(
        (row) =>
          row.published_at.toISOString() < cursor.publishedAt ||
          (row.published_at.toISOString() === cursor.publishedAt && row.public_id > cursor.publicId),
      );
      if (start === -1) start = shown.length;
    }
    const page = shown.slice(start, start + args.first);
    const last = page.at(-1);
    return {
      nodes: await this.population.project(page, population),
      totalCount: shown.length,
      pageInfo: {
        hasNextPage: start + args.first < shown.length,
        endCursor: last
          ? this.encodeCursor({ publishedAt: last.published_at.toISOString(), publicId: last.public_id })
          : null,
      },
    };
  }

  async get(caller: Principal, publicId: string): Promise<AnonymisedProfileType> {
    const population = await this.population.current();
    const row = population.rows.find((candidate) => candidate.public_id === publicId);
    if (!row || !population.disclosures.get(row.profile_id) || (await this.known.of(caller)).has(publicId))
      throw AppError.notFound('Profile');
    const [profile] = await this.population.project([row], population);
    if (!profile) throw AppError.notFound('Profile');
    return profile;
  }

  /** Cursors are encrypted: the publication time they hold is not on the allow-list. */
  private encodeCursor(cursor: Cursor): string {
    return this.cipher.encrypt(JSON.stringify(cursor));
  }

  private decodeCursor(value: string): Cursor {
    try {
      const cursor = JSON.parse(this.cipher.decrypt(value)) as Partial<Cursor>;
      if (typeof cursor.publishedAt === 'string' && typeof cursor.publicId === 'string')
        return cursor as Cursor;
    } catch {
      // refused below
    }
    throw AppError.badInput('after', 'is not a cursor returned by this list');
  }
}
