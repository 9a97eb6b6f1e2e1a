import pg from 'pg';
import { addDays, addMonths, isoDate, parseIsoDate, todayInSweden } from '#libs/calendar';
import {
  epochDays,
  MatchingData,
  MatchingService,
  OPEN_END_DAYS,
  settingsFingerprint,
  swedishRank,
  type CandidateDocument,
} from '#libs/matching';
import { JobStatus, QueueName, QueueService, jobIdOf, type Job } from '#libs/queue';
import { SearchClient, SearchIndex, SearchIndexer } from '#libs/search';
import { eventually } from '../support/eventually.js';
import { blockedBy, holdingMatchingLock } from '../support/lock-waits.js';
import { errorCode, refusedAt, type GraphqlClient } from '../support/graphql-client.js';
import {
  CONCEPTS,
  ensureTestTaxonomy,
  organisationOf,
  organisationWithUser,
  trackWithIntakes,
} from '../support/opening-track-fixtures.js';
import { UPPSALA_SKILLS, uppsalaCandidate, uppsalaPraktik } from '../support/matching-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';
import { settle } from '../support/worker-process.js';

const PROPOSAL_FIELDS = `id participantId profileId status origin score rank algorithmVersion explanationSv explanationEn
  expiryReason rejectionReason rejectionNote decidedAt requestMessage
  components { name weight fit points sv en } unmet { rule sv en } opening { id title }`;
const PROPOSALS = `query($openingId: ID, $participantId: ID, $status: ProposalStatus, $first: Int, $after: String) {
  proposals(openingId: $openingId, participantId: $participantId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${PROPOSAL_FIELDS} } } }`;
const REJECT = `mutation($input: RejectProposalInput!) { rejectProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
const REQUEST = `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) {
  openingId publicId requestedAt } }`;
const BEST = `query($participantId: ID!, $first: Int) { bestOpeningsForParticipant(participantId: $participantId, first: $first) {
  opening { id } score explanationSv explanationEn algorithmVersion proposalId proposalStatus unmet { rule } } }`;

interface Proposal {
  id: string;
  participantId: string;
  profileId: string;
  status: string;
  origin: string;
  score: number;
  rank: number | null;
  algorithmVersion: string;
  explanationSv: string;
  explanationEn: string;
  expiryReason: string | null;
  rejectionReason: string | null;
  rejectionNote: string | null;
  decidedAt: string | null;
  components: Array<{ name: string; fit: number; points: number }>;
  unmet: Array<{ rule: string; sv: string; en: string }>;
}

/** Mulberry32: a small seeded PRNG, so that a failing generated case can be run again. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SKILLS = UPPSALA_SKILLS;
/** Substitutability used by the partial-credit case: experience as elevassistent counts 50 % for städare. */
const SUBSTITUTE_PERCENTAGE = 50;

describe('matching', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let coach: GraphqlClient;
  let employer: GraphqlClient;
  let otherEmployer: GraphqlClient;
  let otherCoach: GraphqlClient;
  let employerOrganisationId: string;
  let matching: MatchingService;

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    await ensureTestTaxonomy(stack.environment);
    await stack.environment.sql(
      `INSERT INTO taxonomy_occupation_substitutions (occupation_concept_id, substitute_concept_id, percentage)
       VALUES ($1, $2, $3) ON CONFLICT (occupation_concept_id, substitute_concept_id) DO UPDATE SET percentage = $3`,
      [CONCEPTS.stadare, CONCEPTS.elevassistent, SUBSTITUTE_PERCENTAGE],
    );
    admin = await stack.anonymous.login('admin@varmdo.example');
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
    otherEmployer = await stack.anonymous.login('employer@forskolor.example');
    employerOrganisationId = await organisationOf(employer);
    otherCoach = (await organisationWithUser(admin, 'MUNICIPALITY', 'COACH', 'Matchningskommun')).client;
    matching = stack.worker!.get(MatchingService, { strict: false });
    // The demo data's own work first (its documents, the matching of its profiles and openings): the tests wait
    // for their own proposals, which would otherwise queue behind it on a busy machine.
    await settle(stack.environment, undefined, 150_000);
  }, 180_000);

  afterAll(() => stack?.close());

  const publishedOpening = (client: GraphqlClient = employer, changes: Record<string, unknown> = {}) =>
    uppsalaPraktik(client, changes);
  const person = (changes: Record<string, unknown> = {}) => uppsalaCandidate(coach, changes);

  async function proposalsOf(openingId: string, client = coach): Promise<Proposal[]> {
    const { proposals } = await client.ok<{ proposals: { nodes: Proposal[] } }>(PROPOSALS, {
      openingId,
      first: 100,
    });
    return proposals.nodes;
  }

  /** The proposals of the opening once every one of `participantIds` is among them with `status`. */
  function proposalsWith(openingId: string, participantIds: string[], status = 'PROPOSED') {
    return eventually(
      () => proposalsOf(openingId),
      (nodes) =>
        participantIds.every((id) =>
          nodes.some((node) => node.participantId === id && node.status === status),
        ),
      30_000,
    );
  }

  const rowsOf = (openingId: string) =>
    stack.environment.sql(
      `SELECT id, profile_id, status, score, rank, inputs_hash, updated_at FROM match_proposals
       WHERE opening_id = $1 ORDER BY profile_id`,
      [openingId],
    );

  /**
   * PLANNED placements of the participant for `periods` ([start, end], end null: open-ended), in a new opening,
   * written behind the services' back; the candidate document is brought up to date here.
   */
  async function placeBehindTheServices(
    participantId: string,
    profileId: string,
    periods: Array<[string, string | null]>,
  ): Promise<void> {
    const earlier = await publishedOpening();
    for (const [start, end] of periods) {
      await stack.environment.sql(
        `INSERT INTO placements (opening_id, participant_id, employer_organisation_id, coach_organisation_id, kind,
                                 start_date, end_date, confirmed_by)
         SELECT o.id, pt.id, o.organisation_id, pt.organisation_id, o.kind, $3, $4,
                (SELECT id FROM users WHERE email = 'coach@varmdo.example')
           FROM openings o, participants pt WHERE o.id = $1 AND pt.id = $2`,
        [earlier, participantId, start, end],
      );
    }
    await stack.worker!.get(SearchIndexer, { strict: false }).sync(SearchIndex.Candidates, [profileId]);
  }

  const proposalCount = async () =>
    Number((await stack.environment.sql('SELECT count(*) AS n FROM match_proposals'))[0]!.n);

  describe('ranking', () => {
    let openingId: string;
    let perfect: string;
    let missingSkill: string;
    let substitute: string;

    beforeAll(async () => {
      perfect = await person();
      missingSkill = await person({ skillConceptIds: [CONCEPTS.hygienstadning, CONCEPTS.flyttstadning] });
      substitute = await person({
        occupations: [{ occupationConceptId: CONCEPTS.elevassistent, yearsOfExperience: 4 }],
      });
      openingId = await publishedOpening();
      await proposalsWith(openingId, [perfect, missingSkill, substitute]);
    });

    it('ranks a constructed person who meets every requirement first, with a full score and its reasons', async () => {
      const nodes = await proposalsOf(openingId);
      const first = nodes.find((node) => node.rank === 1)!;
      expect(first.participantId).toBe(perfect);
      expect(first.score).toBe(100);
      expect(first.origin).toBe('MATCHING');
      expect(first.unmet).toEqual([]);
      expect(first.explanationSv).toMatch(/^Täcker 4 av 4 krav\./);
      expect(first.explanationEn).toMatch(/^Covers 4 of 4 requirements\./);
      expect(first.algorithmVersion).toMatch(/\S/);
      expect(first.components.map((component) => component.name)).toEqual([
        'occupation',
        'requiredSkills',
        'niceToHaveSkills',
        'language',
        'schedule',
        'distance',
        'startDate',
        'urgency',
        'priorityGroups',
        'wantedKind',
      ]);
      // Ranks follow the scores.
      const ranked = nodes.filter((node) => node.rank !== null).sort((a, b) => a.rank! - b.rank!);
      expect(ranked.map((node) => node.score)).toEqual(
        [...ranked.map((node) => node.score)].sort((a, b) => b - a),
      );
    });

    it('scores a person lacking a required skill lower and says which', async () => {
      const nodes = await proposalsOf(openingId);
      const lacking = nodes.find((node) => node.participantId === missingSkill)!;
      expect(lacking.score).toBeLessThan(100);
      expect(lacking.unmet).toEqual([{ rule: 'REQUIRED_SKILL', sv: 'Byggstädning', en: 'Byggstädning' }]);
      expect(lacking.explanationSv).toMatch(/^Täcker 3 av 4 krav; saknar Byggstädning/);
      expect(lacking.explanationEn).toMatch(/^Covers 3 of 4 requirements; lacks Byggstädning/);
    });

    it('gives substitutable experience partial occupation credit', async () => {
      const nodes = await proposalsOf(openingId);
      const related = nodes.find((node) => node.participantId === substitute)!;
      const occupation = related.components.find((component) => component.name === 'occupation')!;
      expect(occupation.fit).toBeCloseTo((0.7 * SUBSTITUTE_PERCENTAGE) / 100, 2);
      expect(related.score).toBeLessThan(100);
      expect(related.score).toBeGreaterThan(100 - 25);
    });

    it('gives the same proposals on the same input, and a re-run writes nothing (updated_at unchanged)', async () => {
      const before = await rowsOf(openingId);
      expect(await matching.matchOpening({ openingId, version: 'rerun-1' })).toBe(JobStatus.Success);
      expect(await matching.matchOpening({ openingId, version: 'rerun-2' })).toBe(JobStatus.Success);
      expect(await rowsOf(openingId)).toEqual(before);
      // An edit that scores nothing (the contact person) changes the opening's version, not its proposals.
      await employer.ok(
        'mutation($id: ID!, $input: UpdateOpeningInput!) { updateOpening(id: $id, input: $input) { id } }',
        {
          id: openingId,
          input: { contactName: 'Ny Kontaktperson' },
        },
      );
      expect(await matching.matchOpening({ openingId, version: 'contact-changed' })).toBe(JobStatus.Success);
      expect(await rowsOf(openingId)).toEqual(before);
    });

    it('lists the best openings for a participant, scored live, with the proposal that exists', async () => {
      const { bestOpeningsForParticipant } = await coach.ok<{
        bestOpeningsForParticipant: Array<{
          opening: { id: string };
          score: number;
          proposalId: string | null;
        }>;
      }>(BEST, { participantId: perfect, first: 50 });
      const mine = bestOpeningsForParticipant.find((suggestion) => suggestion.opening.id === openingId)!;
      const proposal = (await proposalsOf(openingId)).find((node) => node.participantId === perfect)!;
      expect(mine).toMatchObject({ score: proposal.score, proposalId: proposal.id });
      expect(bestOpeningsForParticipant[0]!.score).toBeGreaterThanOrEqual(mine.score);
      expect(errorCode(await otherCoach.request(BEST, { participantId: perfect }))).toBe('FORBIDDEN');
    });

    it('shows coaches of other organisations none of these proposals', async () => {
      expect(await proposalsOf(openingId, otherCoach)).toEqual([]);
      expect(errorCode(await otherCoach.request(PROPOSALS, { participantId: perfect }))).toBe('FORBIDDEN');
      expect(
        errorCode(await coach.request(PROPOSALS, { openingId: '00000000-0000-4000-8000-000000000000' })),
      ).toBe('NOT_FOUND');
    });

    it('expires a proposal when the opening changes so that it no longer qualifies, and brings it back', async () => {
      const update =
        'mutation($id: ID!, $input: UpdateOpeningInput!) { updateOpening(id: $id, input: $input) { id } }';
      await employer.ok(update, { id: openingId, input: { minimumSwedishLevel: 'SVA' } });
      const expired = await proposalsWith(openingId, [perfect], 'EXPIRED');
      expect(expired.find((node) => node.participantId === perfect)!.expiryReason).toBe(
        'no longer meets: SWEDISH_LEVEL',
      );
      await employer.ok(update, { id: openingId, input: { minimumSwedishLevel: 'SFI_B' } });
      const back = await proposalsWith(openingId, [perfect], 'PROPOSED');
      expect(back.find((node) => node.participantId === perfect)).toMatchObject({
        rank: 1,
        expiryReason: null,
      });
    });
  });

  it('proposes a profile whose candidate document has not reached the index when the opening is matched', async () => {
    const participantId = await person();
    const [{ id: profileId }] = (await stack.environment.sql(
      'SELECT id FROM competence_profiles WHERE participant_id = $1',
      [participantId],
    )) as Array<{ id: string }>;
    const pendingOf = () =>
      stack.environment.sql(
        `SELECT id FROM outbox_messages WHERE delivered_at IS NULL AND payload->>'id' = $1`,
        [profileId],
      );
    await eventually(pendingOf, (rows) => rows.length === 0, 30_000);
    // As if the publication had just committed: the document not in the index yet, its sync still in the outbox
    // (held back for now), and the profile's own matching already done, before the opening existed.
    const candidates = stack.environment.meilisearchAdmin.index(
      stack.worker!.get(SearchClient, { strict: false }).uid(SearchIndex.Candidates),
    );
    await candidates.deleteDocument(profileId).waitTask();
    const [{ id: held }] = (await stack.environment.sql(
      `INSERT INTO outbox_messages (kind, payload, available_at)
       VALUES ('SEARCH_SYNC', jsonb_build_object('index', $1::text, 'id', $2::text), now() + interval '1 hour')
       RETURNING id`,
      [SearchIndex.Candidates, profileId],
    )) as Array<{ id: string }>;
    try {
      const openingId = await publishedOpening();
      expect(await matching.matchOpening({ openingId, version: 'unindexed' })).toBe(JobStatus.Success);
      const [row] = await stack.environment.sql(
        'SELECT status, score FROM match_proposals WHERE opening_id = $1 AND profile_id = $2',
        [openingId, profileId],
      );
      expect(row).toEqual({ status: 'PROPOSED', score: 100 });
    } finally {
      await stack.environment.sql('UPDATE outbox_messages SET available_at = now() WHERE id = $1', [held]);
    }
  });

  it('scores a profile from what holds once it has the locks: a requirement raised while it waited is met', async () => {
    const participantId = await person();
    const openingId = await publishedOpening();
    await proposalsWith(openingId, [participantId]);
    const [{ id: profileId }] = (await stack.environment.sql(
      'SELECT id FROM competence_profiles WHERE participant_id = $1',
      [participantId],
    )) as Array<{ id: string }>;
    // Another job holds the opening's matching lock while the profile's job reads; the requirement is raised in
    // between (written behind the services' back, so that no job of its own follows).
    const holder = await holdingMatchingLock(stack.environment.databaseUrl, openingId);
    try {
      const job = matching.matchProfile({ profileId, version: 'raised-while-waiting' });
      await blockedBy(holder);
      await stack.environment.sql(`UPDATE openings SET minimum_swedish_level = 'SVA' WHERE id = $1`, [
        openingId,
      ]);
      await holder.query('COMMIT');
      expect(await job).toBe(JobStatus.Success);
    } finally {
      await holder.end();
    }
    const [row] = await stack.environment.sql(
      'SELECT status, expiry_reason FROM match_proposals WHERE opening_id = $1 AND profile_id = $2',
      [openingId, profileId],
    );
    expect(row).toEqual({ status: 'EXPIRED', expiry_reason: 'no longer meets: SWEDISH_LEVEL' });
  });

  it('proposes nobody for the first time while their MatchProfile runs: it is left to a MatchProfile that sees the row', async () => {
    const participantId = await person();
    await settle(stack.environment, undefined, 60_000);
    const [{ id: profileId }] = (await stack.environment.sql(
      'SELECT id FROM competence_profiles WHERE participant_id = $1',
      [participantId],
    )) as Array<{ id: string }>;
    // A MatchProfile of the person runs (it holds their lock) while a new opening is matched: a proposal written
    // now, from facts read now, would be one that MatchProfile did not see when it read the person's proposals.
    const running = new pg.Client({ connectionString: stack.environment.databaseUrl });
    await running.connect();
    let openingId: string;
    try {
      await running.query('BEGIN');
      await running.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `match-profile:${profileId}`,
      ]);
      openingId = await publishedOpening();
      await eventually(
        () =>
          stack.environment.sql(
            `SELECT 1 FROM outbox_messages WHERE payload->'job'->>'name' = 'match-profile'
                AND payload->'job'->'payload'->>'profileId' = $1
                AND payload->'job'->'payload'->>'version' LIKE $2`,
            [profileId, `after-opening-${openingId}-%`],
          ),
        (rows) => rows.length === 1,
        30_000,
      );
      expect(
        await stack.environment.sql(
          'SELECT 1 FROM match_proposals WHERE opening_id = $1 AND profile_id = $2',
          [openingId, profileId],
        ),
      ).toEqual([]);
      await running.query('COMMIT');
    } finally {
      await running.end();
    }
    await proposalsWith(openingId, [participantId]);
  });

  it('ranks every open opening again, once, when the worker starts with other scoring settings', async () => {
    // The worker's start recorded the settings it ranks with.
    const fingerprint = settingsFingerprint(stack.environment.workerConfig.matching);
    await eventually(
      () => stack.environment.sql('SELECT fingerprint FROM matching_settings'),
      (rows) => rows[0]?.fingerprint === fingerprint,
      30_000,
    );
    await stack.environment.sql(`UPDATE matching_settings SET fingerprint = 'other-weights'`);
    const [{ last }] = (await stack.environment.sql(
      'SELECT coalesce(max(id), 0) AS last FROM outbox_messages',
    )) as [{ last: string }];
    expect(await matching.rankAfterSettingsChange()).toBe(JobStatus.Success);
    const [{ open }] = (await stack.environment.sql(
      `SELECT array_agg(id::text ORDER BY id) AS open FROM openings
        WHERE status = 'PUBLISHED' AND places_taken < places
          AND (end_date IS NULL OR end_date >= (now() AT TIME ZONE 'Europe/Stockholm')::date)`,
    )) as [{ open: string[] }];
    const jobs = await stack.environment.sql(
      `SELECT payload->'job'->'payload'->>'openingId' AS id FROM outbox_messages
        WHERE id > $2 AND payload->'job'->>'name' = 'match-opening'
          AND payload->'job'->'payload'->>'version' LIKE $1
        ORDER BY 1`,
      [`settings-${fingerprint}-%`, last],
    );
    expect(jobs.map((job) => job.id)).toEqual(open);
    expect(open.length).toBeGreaterThan(0);
    expect(await matching.rankAfterSettingsChange()).toBe(JobStatus.Skipped);
  });

  it('ranks again, at the nightly job, the people whose etableringsperiod became urgent with the day', async () => {
    const today = parseIsoDate(todayInSweden());
    // Urgent from tomorrow: ends a day after the 7 months ahead.
    const participantId = await person({
      establishmentPeriodEndsOn: isoDate(addDays(addMonths(today, 7), 1)),
    });
    const openingId = await publishedOpening();
    await proposalsWith(openingId, [participantId]);
    const urgency = async () =>
      (await proposalsOf(openingId))
        .find((node) => node.participantId === participantId)!
        .components.find((component) => component.name === 'urgency')!.fit;
    expect(await urgency()).toBe(0);
    // The next day, as far as urgency can tell: the end is 7 months ahead now (written straight, so that no change
    // of the profile asks for matching).
    await stack.environment.sql(
      'UPDATE competence_profiles SET establishment_period_ends_on = $2 WHERE participant_id = $1',
      [participantId, isoDate(addMonths(today, 7))],
    );
    expect(await matching.rankNewlyUrgentProfiles()).toBe(JobStatus.Success);
    expect(await eventually(urgency, (fit) => fit === 1, 30_000)).toBe(1);
  });

  it("ranks a track's JOBBSPAR openings again when the track's prerequisites change", async () => {
    const {
      trackId,
      intakeIds: [intakeId],
    } = await trackWithIntakes(admin, {
      partnerOrganisationId: employerOrganisationId,
      startDates: ['2027-02-01'],
      track: { municipalityConceptId: CONCEPTS.uppsala },
    });
    const openingId = await publishedOpening(employer, {
      kind: 'JOBBSPAR',
      trackIntakeId: intakeId,
      endDate: null,
      requiredDrivingLicenceConceptIds: [],
    });
    // No driving licence: fine for the track as it is.
    const participantId = await person({
      drivingLicenceConceptIds: [],
      wantedKinds: ['PRAKTIK', 'JOBBSPAR'],
    });
    // A Jobbspår place is for the intake's participants: proposed once enrolled, and no longer once withdrawn.
    const { enrolInTrackIntake } = await coach.ok<{ enrolInTrackIntake: { id: string } }>(
      'mutation($intakeId: ID!, $participantId: ID!) { enrolInTrackIntake(intakeId: $intakeId, participantId: $participantId) { id } }',
      { intakeId, participantId },
    );
    await proposalsWith(openingId, [participantId]);
    const WITHDRAW = 'mutation($id: ID!) { withdrawTrackEnrolment(enrolmentId: $id) { id } }';
    await coach.ok(WITHDRAW, { id: enrolInTrackIntake.id });
    await proposalsWith(openingId, [participantId], 'EXPIRED');
    const { enrolInTrackIntake: again } = await coach.ok<{ enrolInTrackIntake: { id: string } }>(
      'mutation($intakeId: ID!, $participantId: ID!) { enrolInTrackIntake(intakeId: $intakeId, participantId: $participantId) { id } }',
      { intakeId, participantId },
    );
    expect(again.id).not.toBe(enrolInTrackIntake.id);
    await proposalsWith(openingId, [participantId]);
    const UPDATE_TRACK =
      'mutation($id: ID!, $input: UpdateTrackInput!) { updateTrack(id: $id, input: $input) { id } }';
    // The track now asks for a B licence: the proposal expires without the opening changing.
    await admin.ok(UPDATE_TRACK, {
      id: trackId,
      input: { requiredDrivingLicenceConceptId: CONCEPTS.licenceB },
    });
    await proposalsWith(openingId, [participantId], 'EXPIRED');
    // And no longer: proposed again.
    await admin.ok(UPDATE_TRACK, { id: trackId, input: { requiredDrivingLicenceConceptId: null } });
    await proposalsWith(openingId, [participantId]);
  });

  it('proposes someone placed both before and after the opening, not someone placed during it', async () => {
    const placed = async (periods: Array<[string, string]>) => {
      const participantId = await person();
      const [{ id: profileId }] = (await stack.environment.sql(
        'SELECT id FROM competence_profiles WHERE participant_id = $1',
        [participantId],
      )) as Array<{ id: string }>;
      await placeBehindTheServices(participantId, profileId, periods);
      return profileId;
    };
    // The opening runs 2027-02-01 to 2027-04-30: between the first two placements, inside the third.
    const between = await placed([
      ['2027-01-04', '2027-01-29'],
      ['2027-06-01', '2027-08-31'],
    ]);
    const during = await placed([
      ['2027-01-04', '2027-01-29'],
      ['2027-03-01', '2027-03-31'],
    ]);
    const openingId = await publishedOpening();
    expect(await matching.matchOpening({ openingId, version: 'between-placements' })).toBe(JobStatus.Success);
    const proposed = await stack.environment.sql(
      'SELECT profile_id FROM match_proposals WHERE opening_id = $1 AND profile_id = ANY($2)',
      [openingId, [between, during]],
    );
    expect(proposed.map((row) => row.profile_id)).toEqual([between]);
  });

  it("writes each candidate document with the facts retrieval filters on, in retrieval's units", async () => {
    const participantId = await person({ availableFrom: '2027-01-15', wantedKinds: ['PRAKTIK', 'JOBBSPAR'] });
    const [profile] = (await stack.environment.sql(
      `SELECT p.id, m.county_concept_id AS county, o.group_concept_id AS occupation_group, e.sun_code
         FROM competence_profiles p
         JOIN taxonomy_municipalities m ON m.concept_id = p.home_municipality_concept_id
         JOIN profile_occupations po ON po.profile_id = p.id
         JOIN taxonomy_occupations o ON o.concept_id = po.occupation_concept_id
         JOIN taxonomy_education_levels e ON e.concept_id = p.education_level_concept_id
        WHERE p.participant_id = $1`,
      [participantId],
    )) as Array<{ id: string; county: string; occupation_group: string; sun_code: string }>;
    await placeBehindTheServices(participantId, profile!.id, [
      ['2027-06-01', null],
      ['2027-03-01', '2027-03-31'],
    ]);
    const candidates = stack.environment.meilisearchAdmin.index(
      stack.worker!.get(SearchClient, { strict: false }).uid(SearchIndex.Candidates),
    );
    const epochDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    expect(await candidates.getDocument(profile!.id)).toEqual({
      id: profile!.id,
      occupationIds: [CONCEPTS.stadare],
      occupationGroupIds: [profile!.occupation_group],
      skillIds: [...UPPSALA_SKILLS].sort(),
      languageIds: [CONCEPTS.arabiska],
      swedishRank: 4,
      educationLevel: Number(profile!.sun_code.charAt(0)),
      drivingLicenceIds: [CONCEPTS.licenceB],
      availableFrom: epochDays('2027-01-15'),
      wantedKinds: ['PRAKTIK', 'JOBBSPAR'],
      openToAnyKind: false,
      municipalityId: CONCEPTS.uppsala,
      countyId: profile!.county,
      travelReach: 'HOME_MUNICIPALITY',
      occupiedFrom: epochDays('2027-03-01'),
      // The open-ended placement's end is later than any real date.
      occupiedUntil: 999_999,
      occupiedPeriods: 2,
      enrolledIntakeIds: [],
    });
  });

  it('writes candidate documents that agree with the facts the exact check reads, for every published profile', async () => {
    // Two readers of one profile: retrieval's document (built in SQL) and the facts scoring and the exact hard-
    // constraint check read (MatchingData). Each document must be what those facts say, in retrieval's units.
    const ids = (
      await stack.environment.sql(
        `SELECT p.id FROM competence_profiles p JOIN participants pt ON pt.id = p.participant_id
          WHERE p.status = 'PUBLISHED' AND pt.erased_at IS NULL`,
      )
    ).map((row) => row.id as string);
    const documents = (await stack
      .worker!.get(SearchIndexer, { strict: false })
      .projectionOf(SearchIndex.Candidates)
      .load(ids)) as CandidateDocument[];
    const facts = await stack.worker!.get(MatchingData, { strict: false }).candidates(ids);
    const sorted = (values: readonly string[]) => [...values].sort();
    const expected = ids.map((id) => {
      const candidate = facts.get(id)!.facts;
      const occupied = candidate.occupied;
      return {
        id,
        occupationIds: sorted(candidate.occupations.map((occupation) => occupation.id)),
        occupationGroupIds: sorted([
          ...new Set(candidate.occupations.map((occupation) => occupation.groupId)),
        ]),
        skillIds: sorted(candidate.skillIds),
        languageIds: sorted(candidate.languages.map((language) => language.id)),
        swedishRank: swedishRank(candidate.swedishLevel),
        educationLevel: /^[0-9]/.test(candidate.educationSunCode ?? '')
          ? Number(candidate.educationSunCode!.charAt(0))
          : null,
        drivingLicenceIds: sorted(candidate.drivingLicenceIds),
        availableFrom: candidate.availableFrom ? epochDays(candidate.availableFrom) : null,
        wantedKinds: sorted(candidate.wantedKinds),
        openToAnyKind: candidate.wantedKinds.length === 0,
        municipalityId: candidate.municipalityId,
        countyId: candidate.countyId,
        travelReach: candidate.travelReach,
        occupiedFrom: occupied.length > 0 ? Math.min(...occupied.map((p) => epochDays(p.start))) : null,
        occupiedUntil:
          occupied.length > 0
            ? Math.max(...occupied.map((p) => (p.end ? epochDays(p.end) : OPEN_END_DAYS)))
            : null,
        occupiedPeriods: occupied.length,
        enrolledIntakeIds: candidate.enrolledIntakeIds,
      };
    });
    const actual = documents.map((document) => ({
      ...document,
      occupationIds: sorted(document.occupationIds),
      occupationGroupIds: sorted(document.occupationGroupIds),
      skillIds: sorted(document.skillIds),
      languageIds: sorted(document.languageIds),
      drivingLicenceIds: sorted(document.drivingLicenceIds),
      wantedKinds: sorted(document.wantedKinds),
    }));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(ids.length).toBeGreaterThan(100);
    // The demo data's placement history occupies someone now: the envelope is checked too.
    expect(expected.some((document) => document.occupiedPeriods > 0)).toBe(true);
    // The demo data enrols people in the first intakes of its tracks.
    expect(expected.some((document) => document.enrolledIntakeIds.length > 0)).toBe(true);
    expect(actual.sort(byId)).toEqual(expected.sort(byId));
  });

  describe('coach decisions', () => {
    let openingId: string;
    let proposal: Proposal;

    beforeAll(async () => {
      const participantId = await person();
      openingId = await publishedOpening();
      const nodes = await proposalsWith(openingId, [participantId]);
      proposal = nodes.find((node) => node.participantId === participantId)!;
    });

    it('refuses bad rejections with the right codes and writes nothing', async () => {
      const before = await rowsOf(openingId);
      const reject = (input: Record<string, unknown>, client = coach) =>
        client.request(REJECT, { input: { proposalId: proposal.id, reason: 'SCHEDULE', ...input } });
      const other = await reject({ reason: 'OTHER' });
      expect(errorCode(other)).toBe('BAD_USER_INPUT');
      expect(other.errors![0]!.extensions!.field).toBe('input.note');
      const blank = await reject({ reason: 'OTHER', note: '   ' });
      expect(blank.errors![0]!.extensions!.field).toBe('input.note');
      const long = await reject({ note: 'x'.repeat(1001) });
      expect(errorCode(long)).toBe('BAD_USER_INPUT');
      expect(long.errors![0]!.extensions!.field).toBe('input.note');
      expect(errorCode(await reject({ reason: 'NOT_A_REASON' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await reject({ proposalId: 'nope' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await reject({ proposalId: '00000000-0000-4000-8000-000000000000' }))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await reject({}, otherCoach))).toBe('FORBIDDEN');
      expect(errorCode(await reject({}, employer))).toBe('FORBIDDEN');
      expect(await rowsOf(openingId)).toEqual(before);
    });

    it('stores a rejection with its reason, note, decider and time, and matching leaves it alone', async () => {
      const { rejectProposal } = await coach.ok<{ rejectProposal: Proposal }>(REJECT, {
        input: { proposalId: proposal.id, reason: 'OTHER', note: '  Vill hellre arbeta inom vården.  ' },
      });
      expect(rejectProposal).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'OTHER',
        rejectionNote: 'Vill hellre arbeta inom vården.',
      });
      const [row] = await stack.environment.sql(
        `SELECT p.decided_by, p.decided_at, p.rejection_reason, p.updated_at, u.email FROM match_proposals p
         JOIN users u ON u.id = p.decided_by WHERE p.id = $1`,
        [proposal.id],
      );
      expect(row).toMatchObject({ email: 'coach@varmdo.example', rejection_reason: 'OTHER' });
      expect(row!.decided_at).toBeInstanceOf(Date);
      // The opening is ranked again, so that the next best takes the rejected one's place among its proposals: a
      // job of its own, although the opening did not change.
      const [job] = await stack.environment.sql(
        `SELECT payload->'job'->'payload'->>'version' AS version FROM outbox_messages
          WHERE payload->'job'->>'name' = 'match-opening' AND payload->'job'->'payload'->>'openingId' = $1
            AND payload->'job'->'payload'->>'version' LIKE '%.rejected-' || $2`,
        [openingId, proposal.id],
      );
      expect(job).toBeDefined();
      expect(await matching.matchOpening({ openingId, version: 'after-rejection' })).toBe(JobStatus.Success);
      const [after] = await stack.environment.sql(
        'SELECT status, updated_at FROM match_proposals WHERE id = $1',
        [proposal.id],
      );
      expect(after).toEqual({ status: 'REJECTED', updated_at: row!.updated_at });
      expect(
        errorCode(await coach.request(REJECT, { input: { proposalId: proposal.id, reason: 'TIMING' } })),
      ).toBe('CONFLICT');
    });

    it('expires the PROPOSED proposals when the opening is closed', async () => {
      const participantId = await person();
      const closing = await publishedOpening();
      await proposalsWith(closing, [participantId]);
      await employer.ok('mutation($id: ID!) { closeOpening(id: $id) { id } }', { id: closing });
      const rows = await eventually(
        () =>
          stack.environment.sql('SELECT status, expiry_reason FROM match_proposals WHERE opening_id = $1', [
            closing,
          ]),
        (found) => found.length > 0 && found.every((row) => row.status === 'EXPIRED'),
        30_000,
      );
      expect(rows[0]!.expiry_reason).toBe('the opening is CLOSED');
    });

    it('expires the PROPOSED proposals of an opening whose last day has passed, at the nightly job', async () => {
      const participantId = await person();
      const ending = await publishedOpening();
      await proposalsWith(ending, [participantId]);
      // And an employer's request, which stays for the coach to answer: a placement may be recorded afterwards.
      const requested = await person({ homeMunicipalityConceptId: CONCEPTS.nacka });
      const [{ public_id: publicId }] = (await stack.environment.sql(
        'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
        [requested],
      )) as [{ public_id: string }];
      await employer.ok(REQUEST, {
        input: { openingId: ending, publicId, message: 'Vi vill gärna träffa er.' },
      });
      await settle(stack.environment, undefined, 60_000);
      // Time passes: the opening ran until yesterday (dates written straight, as no input takes a past period).
      const [{ yesterday }] = (await stack.environment.sql(
        `SELECT ((now() AT TIME ZONE 'Europe/Stockholm')::date - 1)::text AS yesterday`,
      )) as [{ yesterday: string }];
      await stack.environment.sql(
        `UPDATE openings SET start_date = $2::date - 30, end_date = $2::date WHERE id = $1`,
        [ending, yesterday],
      );
      const proposed = async () =>
        (await proposalsOf(ending)).filter((proposal) => proposal.status === 'PROPOSED').length;
      expect(await proposed()).toBeGreaterThan(0);
      // Not a candidate any more for the participant either.
      const { bestOpeningsForParticipant } = await coach.ok<{
        bestOpeningsForParticipant: Array<{ opening: { id: string } }>;
      }>(BEST, { participantId, first: 50 });
      expect(bestOpeningsForParticipant.map((best) => best.opening.id)).not.toContain(ending);

      expect(await matching.expireEndedOpenings()).toBe(JobStatus.Success);
      const rows = await stack.environment.sql(
        `SELECT DISTINCT status, expiry_reason FROM match_proposals WHERE opening_id = $1 AND origin = 'MATCHING'`,
        [ending],
      );
      expect(rows).toEqual([{ status: 'EXPIRED', expiry_reason: `the opening ended on ${yesterday}` }]);
      const request = async () =>
        (await proposalsOf(ending)).find((proposal) => proposal.participantId === requested);
      expect(await request()).toMatchObject({ origin: 'EMPLOYER_REQUEST', status: 'PROPOSED' });
      // Matching it again proposes no one, and leaves the request; so does the person's own ranking.
      expect(await matching.matchOpening({ openingId: ending, version: 'ended-again' })).toBe(
        JobStatus.Success,
      );
      const [{ id: requestedProfile }] = (await stack.environment.sql(
        'SELECT id FROM competence_profiles WHERE participant_id = $1',
        [requested],
      )) as [{ id: string }];
      await matching.matchProfile({ profileId: requestedProfile, version: 'after-the-end' });
      expect(await proposed()).toBe(1);
      expect(await request()).toMatchObject({ origin: 'EMPLOYER_REQUEST', status: 'PROPOSED' });
      // Nothing left for the nightly job to expire there.
      expect(await matching.expireEndedOpenings()).toBe(JobStatus.Skipped);
      // But not once the profile is unpublished.
      await coach.ok(
        'mutation($id: ID!) { setProfileStatus(participantId: $id, status: DRAFT) { status } }',
        {
          id: requested,
        },
      );
      await eventually(request, (proposal) => proposal?.status === 'EXPIRED', 30_000);
    });
  });

  describe('employer introductions', () => {
    let openingId: string;
    let participantId: string;
    let publicId: string;

    beforeAll(async () => {
      openingId = await publishedOpening();
      // Lives in Nacka and travels only there: matching would never propose them for Uppsala.
      participantId = await person({ homeMunicipalityConceptId: CONCEPTS.nacka });
      const [row] = await stack.environment.sql(
        'SELECT public_id FROM competence_profiles WHERE participant_id = $1',
        [participantId],
      );
      publicId = row!.public_id as string;
      // Matching of the new opening and profile done first: counting what a refused request wrote must not count
      // the proposals it writes.
      await settle(stack.environment, undefined, 60_000);
    });

    it('refuses bad requests with the right codes and writes nothing', async () => {
      const before = [await proposalCount(), await notificationCount()];
      const request = (input: Record<string, unknown>, client = employer) =>
        client.request(REQUEST, {
          input: { openingId, publicId, message: 'Vi vill gärna träffa er.', ...input },
        });
      const unknownOpening = await request({ openingId: '00000000-0000-4000-8000-000000000000' });
      expect(errorCode(unknownOpening)).toBe('NOT_FOUND');
      expect(errorCode(await request({ openingId: 'nope' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await request({ publicId: 'no-such-profile' }))).toBe('NOT_FOUND');
      const empty = await request({ message: '  ' });
      expect(errorCode(empty)).toBe('BAD_USER_INPUT');
      expect(empty.errors![0]!.extensions!.field).toBe('input.message');
      expect(errorCode(await request({ message: 'x'.repeat(1001) }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await request({}, otherEmployer))).toBe('FORBIDDEN');
      expect(errorCode(await request({}, coach))).toBe('FORBIDDEN');
      expect([await proposalCount(), await notificationCount()]).toEqual(before);
    });

    it('judges the opening under its lock: a request that waited behind the confirmation filling it is refused', async () => {
      const filling = await publishedOpening();
      await settle(stack.environment, undefined, 60_000);
      const before = await proposalCount();
      // A confirmation holds the opening's matching lock and takes its last place.
      const confirmation = await holdingMatchingLock(stack.environment.databaseUrl, filling);
      try {
        await confirmation.query(
          `UPDATE openings SET places_taken = places, status = 'FILLED', updated_at = now() WHERE id = $1`,
          [filling],
        );
        const request = employer.request(REQUEST, {
          input: { openingId: filling, publicId, message: 'Vi vill gärna träffa er.' },
        });
        await blockedBy(confirmation);
        await confirmation.query('COMMIT');
        const refused = await request;
        expect(refusedAt(refused)).toEqual(['CONFLICT', 'input.openingId']);
        expect(refused.errors![0]!.message).toBe(
          'Introductions are asked for PUBLISHED openings; this one is FILLED',
        );
      } finally {
        await confirmation.end();
      }
      expect(await proposalCount()).toBe(before);
    });

    it('records an EMPLOYER_REQUEST proposal and notifies the responsible coach, revealing nothing', async () => {
      const response = await employer.request(REQUEST, {
        input: { openingId, publicId, message: 'Vi vill gärna träffa er.' },
      });
      expect(response.errors).toBeUndefined();
      expect(
        Object.keys((response.data as { requestIntroduction: object }).requestIntroduction).sort(),
      ).toEqual(['openingId', 'publicId', 'requestedAt']);
      expect(JSON.stringify(response)).not.toContain(participantId);
      const nodes = await proposalsOf(openingId);
      const requested = nodes.find((node) => node.participantId === participantId)!;
      // Recorded although a hard constraint is broken: the coach sees which, first among the unmet.
      expect(requested).toMatchObject({
        origin: 'EMPLOYER_REQUEST',
        status: 'PROPOSED',
        requestMessage: 'Vi vill gärna träffa er.',
      });
      expect(requested.unmet[0]!.rule).toBe('TRAVEL_REACH');
      const { notifications } = await coach.ok<{
        notifications: {
          nodes: Array<{ kind: string; title: string; proposalId: string; participantId: string }>;
        };
      }>('{ notifications(first: 100) { nodes { kind title proposalId participantId } } }');
      // It leads the coach to the proposal and the participant.
      expect(notifications.nodes).toContainEqual({
        kind: 'INTRODUCTION_REQUESTED',
        title: 'En arbetsgivare vill bli introducerad',
        proposalId: requested.id,
        participantId,
      });
      // Matching keeps the request (re-scored, not expired) although the profile does not qualify.
      expect(await matching.matchOpening({ openingId, version: 'after-request' })).toBe(JobStatus.Success);
      const [row] = await stack.environment.sql(
        'SELECT status, origin FROM match_proposals WHERE opening_id = $1 AND participant_id = $2',
        [openingId, participantId],
      );
      expect(row).toEqual({ status: 'PROPOSED', origin: 'EMPLOYER_REQUEST' });
    });

    it("narrows the proposals to employers' requests, or to the coach's own participants", async () => {
      const FILTERED = `query($openingId: ID, $origin: ProposalOrigin, $mine: Boolean) {
        proposals(openingId: $openingId, origin: $origin, mine: $mine, first: 100) {
          totalCount nodes { id participantId origin } } }`;
      type Filtered = {
        proposals: {
          totalCount: number;
          nodes: Array<{ id: string; participantId: string; origin: string }>;
        };
      };
      const requests = (await coach.ok<Filtered>(FILTERED, { openingId, origin: 'EMPLOYER_REQUEST' }))
        .proposals.nodes;
      expect(requests.map((node) => node.participantId)).toContain(participantId);
      expect(requests.every((node) => node.origin === 'EMPLOYER_REQUEST')).toBe(true);
      const matched = (await coach.ok<Filtered>(FILTERED, { openingId, origin: 'MATCHING' })).proposals.nodes;
      expect(matched.map((node) => node.participantId)).not.toContain(participantId);

      const mine = (await coach.ok<Filtered>(FILTERED, { mine: true })).proposals;
      const [{ expected }] = await stack.environment.sql(
        `SELECT coalesce(array_agg(p.id), '{}') AS expected FROM match_proposals p
           JOIN participants pt ON pt.id = p.participant_id
           JOIN users u ON u.id = pt.coach_id WHERE u.email = 'coach@varmdo.example'`,
      );
      expect(mine.totalCount).toBe((expected as string[]).length);
      expect(mine.totalCount).toBeGreaterThan(0);
      expect(mine.nodes.every((node) => (expected as string[]).includes(node.id))).toBe(true);
    });

    it('notifies the coach again when a request comes anew, not when it is repeated unanswered', async () => {
      const requestsOfProposal = async (proposalId: string) =>
        Number(
          (
            await stack.environment.sql(
              `SELECT count(*) AS n FROM notifications WHERE kind = 'INTRODUCTION_REQUESTED' AND proposal_id = $1`,
              [proposalId],
            )
          )[0]!.n,
        );
      const request = () =>
        employer.ok(REQUEST, { input: { openingId, publicId, message: 'Vi hör av oss igen.' } });
      await request();
      const [row] = await stack.environment.sql(
        'SELECT id FROM match_proposals WHERE opening_id = $1 AND participant_id = $2',
        [openingId, participantId],
      );
      const proposalId = row!.id as string;
      const first = await requestsOfProposal(proposalId);
      expect(first).toBeGreaterThan(0);
      await request();
      expect(await requestsOfProposal(proposalId)).toBe(first);
      // The request expired (the profile was paused, say) and the employer asks again.
      await stack.environment.sql(`UPDATE match_proposals SET status = 'EXPIRED' WHERE id = $1`, [
        proposalId,
      ]);
      await request();
      expect(await requestsOfProposal(proposalId)).toBe(2 * first);
    });
  });

  async function notificationCount(): Promise<number> {
    return Number((await stack.environment.sql('SELECT count(*) AS n FROM notifications'))[0]!.n);
  }

  describe('generated: hard constraints are never broken (Must show 1)', () => {
    const SEED = Number(process.env.MATCHING_SEED ?? 20271);
    const PROFILES = 240;
    const OPENINGS = 24;

    it(`finds 0 violations over ${PROFILES} random profiles and ${OPENINGS} random openings (seed ${SEED})`, async () => {
      const random = prng(SEED);
      const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
      const some = <T>(values: readonly T[], chance: number): T[] => values.filter(() => random() < chance);
      const day = (from: string, spread: number) =>
        isoDate(new Date(Date.parse(`${from}T00:00:00Z`) + Math.floor(random() * spread) * 86_400_000));
      const sql = stack.environment.sql;
      const municipalities = [CONCEPTS.varmdo, CONCEPTS.nacka, CONCEPTS.uppsala];
      const occupations = [CONCEPTS.stadare, CONCEPTS.barnskotare, CONCEPTS.elevassistent];
      const levels = ['SFI_A', 'SFI_B', 'SFI_C', 'SFI_D', 'SVA'];
      const kinds = ['PRAKTIK', 'EXTRATJANST', 'JOBBSPAR'];
      // A track with two intakes, without prerequisites: JOBBSPAR openings take only their intake's participants.
      const { intakeIds: intakes } = await trackWithIntakes(admin, {
        partnerOrganisationId: employerOrganisationId,
        startDates: ['2027-01-11', '2027-03-01'],
        places: 500,
        track: { occupationConceptIds: occupations, praktikWeeks: 8 },
      });
      const [{ id: organisationId }] = (await sql(
        `SELECT o.id FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.email = 'coach@varmdo.example'`,
      )) as Array<{ id: string }>;
      const [{ id: employerUserId }] = (await sql(
        `SELECT id FROM users WHERE email = 'employer@vard.example'`,
      )) as Array<{
        id: string;
      }>;
      const run = `${SEED}-${Date.now()}`;

      const openingIds: string[] = [];
      for (let i = 0; i < OPENINGS; i += 1) {
        const start = day('2027-01-01', 120);
        const kind = pick(kinds);
        const [row] = await sql(
          `INSERT INTO openings (organisation_id, kind, status, title, occupation_concept_id, required_skill_concept_ids,
             minimum_swedish_level, municipality_concept_id, weekdays, hours_per_week, start_date, end_date, places,
             contact_name, created_by, published_at)
           VALUES ($1, $2, 'PUBLISHED', $3, $4, $5, $6, $7, '{MONDAY,TUESDAY}', 20, $8, $9, 3, 'Kontakt', $10, now())
           RETURNING id`,
          [
            employerOrganisationId,
            kind,
            `Genererad ${run} ${i}`,
            pick(occupations),
            some(SKILLS, 0.4),
            random() < 0.3 ? null : pick(levels),
            pick(municipalities),
            start,
            random() < 0.2 ? null : day(start, 120),
            employerUserId,
          ],
        );
        if (kind === 'JOBBSPAR') {
          await sql('UPDATE openings SET track_intake_id = $2 WHERE id = $1', [row!.id, pick(intakes)]);
        }
        openingIds.push(row!.id as string);
      }

      const profileIds: string[] = [];
      for (let i = 0; i < PROFILES; i += 1) {
        const [participant] = await sql(
          `INSERT INTO participants (organisation_id, first_name, last_name, personnummer_encrypted, personnummer_hash,
             birth_year, consent_given_at, consent_scopes)
           VALUES ($1, 'Gen', 'Erad', 'not-encrypted', $2, 1990, now(), '{ANONYMISED_PROFILE}') RETURNING id`,
          [organisationId, `generated-${run}-${i}`],
        );
        const participantId = participant!.id as string;
        const [profile] = await sql(
          `INSERT INTO competence_profiles (participant_id, public_id, status, swedish_level, education_level_concept_id,
             driving_licence_concept_ids, available_from, hours_per_week, free_weekdays, home_municipality_concept_id,
             travel_reach, wanted_kinds, published_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 20, '{MONDAY}', $8, $9, $10, now()) RETURNING id`,
          [
            participantId,
            `gen-${run}-${i}`,
            random() < 0.9 ? 'PUBLISHED' : 'PAUSED',
            pick(levels),
            CONCEPTS.forgymnasial,
            some([CONCEPTS.licenceB], 0.5),
            day('2026-12-01', 150),
            pick(municipalities),
            pick(['HOME_MUNICIPALITY', 'HOME_COUNTY', 'ANYWHERE']),
            random() < 0.2 ? [] : some(kinds, 0.6),
          ],
        );
        const profileId = profile!.id as string;
        profileIds.push(profileId);
        await sql(
          `INSERT INTO profile_occupations (profile_id, occupation_concept_id, years_of_experience) VALUES ($1, $2, $3)`,
          [profileId, pick(occupations), Math.floor(random() * 6)],
        );
        for (const skill of some(SKILLS, 0.5)) {
          await sql('INSERT INTO profile_skills (profile_id, skill_concept_id) VALUES ($1, $2)', [
            profileId,
            skill,
          ]);
        }
        // A place in an intake for some (withdrawn again for a few).
        if (random() < 0.5) {
          await sql(
            `INSERT INTO track_enrolments (intake_id, participant_id, enrolled_by, withdrawn_at)
             VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END)`,
            [pick(intakes), participantId, employerUserId, random() < 0.2],
          );
        }
        if (random() < 0.25) {
          const start = day('2027-01-01', 150);
          await sql(
            `INSERT INTO placements (opening_id, participant_id, employer_organisation_id, coach_organisation_id, kind,
               status, start_date, end_date, confirmed_by)
             VALUES ($1, $2, $3, $4, 'PRAKTIK', $5, $6, $7, $8)`,
            [
              pick(openingIds),
              participantId,
              employerOrganisationId,
              organisationId,
              pick(['PLANNED', 'ACTIVE', 'CANCELLED']),
              start,
              random() < 0.2 ? null : day(start, 90),
              employerUserId,
            ],
          );
        }
      }
      // The documents first, through the outbox as every write does; then the matching jobs.
      await sql(
        `INSERT INTO outbox_messages (kind, payload)
         SELECT 'SEARCH_SYNC', jsonb_build_object('index', $1::text, 'id', id) FROM unnest($2::uuid[]) AS id`,
        [SearchIndex.Candidates, profileIds],
      );
      // Delivered means Meilisearch confirmed the write (the relay waits for its task).
      await eventually(
        async () =>
          Number((await sql('SELECT count(*) AS n FROM outbox_messages WHERE delivered_at IS NULL'))[0]!.n),
        (pending) => pending === 0,
        90_000,
      );
      const jobs: Job[] = openingIds.map((openingId) => ({
        name: 'match-opening' as Job['name'],
        payload: { openingId, version: `generated-${run}` },
      })) as Job[];
      await sql(
        `INSERT INTO outbox_messages (kind, payload) SELECT 'JOB', jsonb_build_object('job', job) FROM jsonb_array_elements($1::jsonb) AS job`,
        [JSON.stringify(jobs)],
      );
      const queue = stack.worker!.get(QueueService, { strict: false }).queue(QueueName.Matching);
      await eventually(
        async () =>
          Promise.all(jobs.map(async (job) => (await queue.getJob(jobIdOf(job)))?.finishedOn ?? null)),
        (finished) => finished.every((time) => time !== null),
        90_000,
      );
      const failed = await Promise.all(
        jobs.map(async (job) => (await queue.getJob(jobIdOf(job)))!.failedReason),
      );
      expect(failed.filter(Boolean)).toEqual([]);

      // Every proposal checked against every hard constraint, computed here from the rows, independently.
      const proposals = await sql(
        `SELECT mp.id, mp.origin, o.kind::text AS kind, o.start_date::text AS start, o.end_date::text AS end,
                o.minimum_swedish_level::text AS minimum, o.municipality_concept_id AS municipality,
                EXISTS (SELECT 1 FROM track_enrolments te WHERE te.participant_id = p.participant_id
                          AND te.intake_id = o.track_intake_id AND te.withdrawn_at IS NULL) AS enrolled,
                om.county_concept_id AS county, p.status::text AS profile_status, pt.erased_at,
                p.available_from::text AS available_from, p.swedish_level::text AS level,
                p.wanted_kinds::text[] AS wanted, p.travel_reach::text AS reach,
                p.home_municipality_concept_id AS home, hm.county_concept_id AS home_county,
                coalesce((SELECT json_agg(json_build_object('start', pl.start_date::text, 'end', pl.end_date::text))
                          FROM placements pl WHERE pl.participant_id = p.participant_id
                            AND pl.status IN ('PLANNED', 'ACTIVE')), '[]') AS placements
         FROM match_proposals mp
         JOIN openings o ON o.id = mp.opening_id
         JOIN taxonomy_municipalities om ON om.concept_id = o.municipality_concept_id
         JOIN competence_profiles p ON p.id = mp.profile_id
         JOIN participants pt ON pt.id = p.participant_id
         LEFT JOIN taxonomy_municipalities hm ON hm.concept_id = p.home_municipality_concept_id
         WHERE mp.opening_id = ANY($1) AND mp.status = 'PROPOSED' AND mp.origin = 'MATCHING'`,
        [openingIds],
      );
      const violations: string[] = [];
      for (const row of proposals) {
        const check = (rule: string, ok: boolean) => {
          if (!ok) violations.push(`${row.id as string}: ${rule}`);
        };
        check('published', row.profile_status === 'PUBLISHED' && row.erased_at === null);
        check(
          'available by the start',
          row.available_from !== null && (row.available_from as string) <= (row.start as string),
        );
        check(
          'Swedish level',
          row.minimum === null ||
            levels.indexOf(row.level as string) >= levels.indexOf(row.minimum as string),
        );
        const wanted = row.wanted as string[];
        check('wanted kind', wanted.length === 0 || wanted.includes(row.kind as string));
        const end = (row.end as string | null) ?? '9999-12-31';
        check(
          'no overlapping placement',
          (row.placements as Array<{ start: string; end: string | null }>).every(
            (placement) =>
              !(placement.start <= end && (row.start as string) <= (placement.end ?? '9999-12-31')),
          ),
        );
        check('holds a place in the Jobbspår intake', row.kind !== 'JOBBSPAR' || row.enrolled === true);
        check(
          'travel reach',
          row.reach === 'ANYWHERE' ||
            (row.reach === 'HOME_COUNTY' && row.home_county === row.county) ||
            (row.reach === 'HOME_MUNICIPALITY' && row.home === row.municipality),
        );
      }
      // The test means something only when matching proposed plenty.
      expect(proposals.length).toBeGreaterThan(OPENINGS * 3);
      expect(proposals.filter((row) => row.kind === 'JOBBSPAR').length).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    }, 240_000);
  });
});
