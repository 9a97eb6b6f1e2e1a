import pg from 'pg';
import { blockedBy } from '../support/lock-waits.js';
import { inDays } from '../support/placement-fixtures.js';
import { errorCode, refusedAt, type GraphqlClient, type GraphqlResponse } from '../support/graphql-client.js';
import {
  CONCEPTS,
  ensureTestTaxonomy,
  organisationOf,
  organisationWithUser,
  participantWithProfile,
  userIn,
} from '../support/opening-track-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';

const TRACK_FIELDS = `id name description praktikWeeks sfiHoursPerWeek vocationalSwedish course minimumSwedishLevel
  organisation { id name }
  municipality { conceptId label code } occupations { conceptId label }
  minimumEducationLevel { conceptId label code } requiredDrivingLicence { conceptId label }
  partners { id name } intakes { id trackId trackName startDate places placesTaken placesLeft }`;

const CREATE_TRACK = `mutation($input: CreateTrackInput!) { createTrack(input: $input) { ${TRACK_FIELDS} } }`;
const UPDATE_TRACK = `mutation($id: ID!, $input: UpdateTrackInput!) { updateTrack(id: $id, input: $input) { ${TRACK_FIELDS} } }`;
const ADD_INTAKE = `mutation($id: ID!, $input: AddTrackIntakeInput!) { addTrackIntake(trackId: $id, input: $input) { ${TRACK_FIELDS} } }`;
const TRACK = `query($id: ID!) { track(id: $id) { ${TRACK_FIELDS} } }`;
const TRACKS = `query($municipality: String) { tracks(first: 100, municipalityConceptId: $municipality) {
  totalCount nodes { id name intakes { id placesLeft } } } }`;
const ENROL = `mutation($intakeId: ID!, $participantId: ID!) {
  enrolInTrackIntake(intakeId: $intakeId, participantId: $participantId) { id intakeId participantId enrolledAt withdrawnAt } }`;
const WITHDRAW = 'mutation($id: ID!) { withdrawTrackEnrolment(enrolmentId: $id) { id withdrawnAt } }';
const PUBLISH_OPENING = 'mutation($id: ID!) { publishOpening(id: $id) { id } }';
const ENROLMENTS = `query($intakeId: ID!, $all: Boolean) { trackEnrolments(intakeId: $intakeId, includeWithdrawn: $all) {
  totalCount nodes { id participantId withdrawnAt } } }`;

interface Intake {
  id: string;
  trackId: string;
  trackName: string;
  startDate: string;
  places: number;
  placesTaken: number;
  placesLeft: number;
}

interface Track {
  id: string;
  name: string;
  minimumSwedishLevel: string | null;
  organisation: { id: string; name: string };
  municipality: { conceptId: string; label: string; code: string };
  occupations: { conceptId: string; label: string }[];
  minimumEducationLevel: { conceptId: string; label: string; code: string } | null;
  requiredDrivingLicence: { conceptId: string; label: string } | null;
  partners: { id: string; name: string }[];
  intakes: Intake[];
}

/** The prerequisites of Värmdö's barnskötare track, roughly: SFI C, gymnasial education, driving licence B. */
const DEMANDING = {
  municipalityConceptId: CONCEPTS.varmdo,
  occupationConceptIds: [CONCEPTS.barnskotare, CONCEPTS.elevassistent],
  praktikWeeks: 16,
  sfiHoursPerWeek: 8,
  vocationalSwedish: true,
  course: 'Barnsäkerhet och HLR',
  minimumSwedishLevel: 'SFI_C',
  minimumEducationLevelConceptId: CONCEPTS.gymnasial,
  requiredDrivingLicenceConceptId: CONCEPTS.licenceB,
};

/** A profile that meets DEMANDING. */
const ELIGIBLE_PROFILE = {
  swedishLevel: 'SFI_D',
  educationLevelConceptId: CONCEPTS.gymnasial,
  drivingLicenceConceptIds: [CONCEPTS.licenceB],
};

let trackSerial = 0;

describe('Jobbspår tracks', () => {
  let stack: Stack;
  let admin: GraphqlClient;
  let coach: GraphqlClient;
  let employer: GraphqlClient;
  let otherAdmin: GraphqlClient;
  let otherCoach: GraphqlClient;
  let partnerId: string;

  beforeAll(async () => {
    stack = await startStack();
    await ensureTestTaxonomy(stack.environment);
    admin = await stack.anonymous.login('admin@varmdo.example');
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@forskolor.example');
    partnerId = await organisationOf(employer);
    // Another municipality with its own admin, who adds its coach.
    const other = await organisationWithUser(admin, 'MUNICIPALITY', 'ADMIN', 'Testkommun');
    otherAdmin = other.client;
    otherCoach = await userIn(otherAdmin, other.organisationId, 'COACH');
  });

  afterAll(() => stack?.close());

  async function track(
    changes: Record<string, unknown> = {},
    intakes: [string, number][] = [['2027-03-01', 5]],
  ) {
    trackSerial += 1;
    const { createTrack } = await admin.ok<{ createTrack: Track }>(CREATE_TRACK, {
      input: {
        name: `Testspår ${trackSerial}`,
        ...DEMANDING,
        partnerOrganisationIds: [partnerId],
        ...changes,
      },
    });
    let result = createTrack;
    for (const [startDate, places] of intakes) {
      result = (
        await admin.ok<{ addTrackIntake: Track }>(ADD_INTAKE, {
          id: createTrack.id,
          input: { startDate, places },
        })
      ).addTrackIntake;
    }
    return result;
  }

  /** A JOBBSPAR opening of the client's organisation in the intake, published or a draft; its id. */
  async function jobbsparOpening(client: GraphqlClient, intakeId: string, title: string, publish: boolean) {
    const { createOpening } = await client.ok<{ createOpening: { id: string } }>(
      'mutation($input: CreateOpeningInput!) { createOpening(input: $input) { id } }',
      {
        input: {
          kind: 'JOBBSPAR',
          title,
          occupationConceptId: CONCEPTS.barnskotare,
          municipalityConceptId: CONCEPTS.varmdo,
          hoursPerWeek: 24,
          weekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY'],
          startDate: '2027-03-01',
          contactName: 'Eva Kontaktperson',
          trackIntakeId: intakeId,
        },
      },
    );
    if (publish) await client.ok(PUBLISH_OPENING, { id: createOpening.id });
    return createOpening.id;
  }

  const enrol = (client: GraphqlClient, intakeId: string, participantId: string) =>
    client.request<{ enrolInTrackIntake: { id: string } }>(ENROL, { intakeId, participantId });

  const placesTaken = async (intakeId: string) =>
    (await stack.environment.sql('SELECT places_taken FROM track_intakes WHERE id = $1', [intakeId]))[0]
      .places_taken;

  const activeEnrolments = async (intakeId: string) =>
    (
      await stack.environment.sql(
        'SELECT count(*)::int AS n FROM track_enrolments WHERE intake_id = $1 AND withdrawn_at IS NULL',
        [intakeId],
      )
    )[0].n;

  describe('design', () => {
    it('lets an admin create a track with prerequisites, partners and intakes, shown with labels', async () => {
      const created = await track({}, [
        ['2027-08-15', 5],
        ['2027-01-10', 3],
      ]);
      expect(created).toMatchObject({
        organisation: { name: 'Värmdö kommun' },
        municipality: { conceptId: CONCEPTS.varmdo, label: 'Värmdö', code: '0120' },
        occupations: [
          { conceptId: CONCEPTS.barnskotare, label: 'Barnskötare' },
          { conceptId: CONCEPTS.elevassistent, label: 'Elevassistent' },
        ],
        minimumSwedishLevel: 'SFI_C',
        minimumEducationLevel: { conceptId: CONCEPTS.gymnasial, code: '3' },
        requiredDrivingLicence: { conceptId: CONCEPTS.licenceB, label: 'B' },
        partners: [{ id: partnerId, name: 'Skärgårdens Förskolor AB' }],
      });
      expect(created.intakes.map((intake) => [intake.startDate, intake.places, intake.placesLeft])).toEqual([
        ['2027-01-10', 3, 3],
        ['2027-08-15', 5, 5],
      ]);
    });

    it('is readable by every signed-in role, employers included (they need intake ids)', async () => {
      const created = await track();
      for (const reader of [admin, coach, employer, otherCoach]) {
        const { track: seen } = await reader.ok<{ track: Track }>(TRACK, { id: created.id });
        expect(seen.intakes[0]).toMatchObject({
          id: created.intakes[0].id,
          places: 5,
          placesTaken: 0,
          placesLeft: 5,
        });
        const { tracks } = await reader.ok<{ tracks: { nodes: { id: string }[] } }>(TRACKS, {
          municipality: CONCEPTS.varmdo,
        });
        expect(tracks.nodes.map((node) => node.id)).toContain(created.id);
      }
      const { tracks } = await coach.ok<{ tracks: { nodes: { id: string }[] } }>(TRACKS, {
        municipality: CONCEPTS.nacka,
      });
      expect(tracks.nodes.map((node) => node.id)).not.toContain(created.id);
    });

    it('lets the admin update the track and replace its partners', async () => {
      const created = await track();
      const { updateTrack } = await admin.ok<{ updateTrack: Track }>(UPDATE_TRACK, {
        id: created.id,
        input: {
          minimumSwedishLevel: null,
          requiredDrivingLicenceConceptId: null,
          partnerOrganisationIds: [],
        },
      });
      expect(updateTrack).toMatchObject({
        minimumSwedishLevel: null,
        requiredDrivingLicence: null,
        partners: [],
      });
      expect(updateTrack.minimumEducationLevel?.conceptId).toBe(CONCEPTS.gymnasial);
    });

    it('refuses to remove a partner with published JOBBSPAR openings in its intakes, and writes nothing', async () => {
      const vard = await stack.anonymous.login('employer@vard.example');
      const vardId = await organisationOf(vard);
      const created = await track({ partnerOrganisationIds: [partnerId, vardId] });
      const [intake] = created.intakes;
      const first = await jobbsparOpening(employer, intake.id, 'Jobbspår: praktik i förskolan', true);
      await jobbsparOpening(employer, intake.id, 'Jobbspår: praktik i förskolan, fler platser', true);
      await jobbsparOpening(employer, intake.id, 'Jobbspår: utkast', false);
      await jobbsparOpening(vard, intake.id, 'Jobbspår: utkast hos vården', false);
      const partners = async () =>
        (
          await stack.environment.sql(
            'SELECT organisation_id FROM track_partners WHERE track_id = $1 ORDER BY organisation_id',
            [created.id],
          )
        ).map((row) => row.organisation_id);
      const before = await partners();

      for (const partnerOrganisationIds of [[], [vardId]]) {
        const refused = await admin.request(UPDATE_TRACK, {
          id: created.id,
          input: { name: `${created.name} (ändrat)`, partnerOrganisationIds },
        });
        expect(errorCode(refused)).toBe('CONFLICT');
        expect(refused.errors?.[0].extensions?.field).toBe('input.partnerOrganisationIds');
        expect(refused.errors?.[0].message).toContain('2 published JOBBSPAR openings');
      }
      expect(await partners()).toEqual(before);
      const [row] = await stack.environment.sql('SELECT name FROM tracks WHERE id = $1', [created.id]);
      expect(row.name).toBe(created.name);

      // A partner with drafts only may go; one published opening left is named as one.
      const { updateTrack } = await admin.ok<{ updateTrack: Track }>(UPDATE_TRACK, {
        id: created.id,
        input: { partnerOrganisationIds: [partnerId] },
      });
      expect(updateTrack.partners.map((partner) => partner.id)).toEqual([partnerId]);
      await employer.ok('mutation($id: ID!) { closeOpening(id: $id) { id } }', { id: first });
      const stillOne = await admin.request(UPDATE_TRACK, {
        id: created.id,
        input: { partnerOrganisationIds: [] },
      });
      expect(stillOne.errors?.[0].message).toContain('1 published JOBBSPAR opening in');
    });

    it('never leaves a published JOBBSPAR opening with a non-partner when publishing and removing race', async () => {
      for (let round = 0; round < 6; round++) {
        const created = await track();
        const id = await jobbsparOpening(
          employer,
          created.intakes[0].id,
          `Jobbspår: kapplöpning ${round}`,
          false,
        );
        const [published, removed] = await Promise.all([
          employer.request(PUBLISH_OPENING, { id }),
          admin.request(UPDATE_TRACK, { id: created.id, input: { partnerOrganisationIds: [] } }),
        ]);
        // One of the two wins; the other is refused because of it.
        expect([errorCode(published), errorCode(removed)].sort()).toEqual(
          errorCode(published) ? ['BAD_USER_INPUT', undefined] : ['CONFLICT', undefined],
        );
        const [row] = await stack.environment.sql(
          `SELECT o.status, EXISTS (SELECT 1 FROM track_partners WHERE track_id = $2 AND organisation_id = $3) AS partner
           FROM openings o WHERE o.id = $1`,
          [id, created.id, partnerId],
        );
        expect(row.status === 'PUBLISHED' ? row.partner : true).toBe(true);
      }
    });

    it("keeps tracks to admins of the track's own municipality", async () => {
      const created = await track();
      for (const client of [coach, employer]) {
        expect(
          errorCode(await client.request(CREATE_TRACK, { input: { name: 'Mitt spår', ...DEMANDING } })),
        ).toBe('FORBIDDEN');
        expect(
          errorCode(await client.request(UPDATE_TRACK, { id: created.id, input: { name: 'Kapat' } })),
        ).toBe('FORBIDDEN');
        expect(
          errorCode(
            await client.request(ADD_INTAKE, {
              id: created.id,
              input: { startDate: '2027-09-01', places: 5 },
            }),
          ),
        ).toBe('FORBIDDEN');
      }
      expect(
        errorCode(await otherAdmin.request(UPDATE_TRACK, { id: created.id, input: { name: 'Kapat' } })),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await otherAdmin.request(ADD_INTAKE, {
            id: created.id,
            input: { startDate: '2027-09-01', places: 5 },
          }),
        ),
      ).toBe('FORBIDDEN');
      const [row] = await stack.environment.sql(
        'SELECT name, (SELECT count(*)::int FROM track_intakes WHERE track_id = $1) AS intakes FROM tracks WHERE id = $1',
        [created.id],
      );
      expect(row).toEqual({ name: created.name, intakes: 1 });
      expect(errorCode(await admin.request(TRACK, { id: '00000000-0000-4000-8000-000000000000' }))).toBe(
        'NOT_FOUND',
      );
    });

    it('refuses a second track of the same name and a second intake on the same day with CONFLICT', async () => {
      const created = await track();
      const duplicate = await admin.request(CREATE_TRACK, { input: { name: created.name, ...DEMANDING } });
      expect(errorCode(duplicate)).toBe('CONFLICT');
      expect(duplicate.errors?.[0].extensions?.field).toBe('input.name');
      const sameDay = await admin.request(ADD_INTAKE, {
        id: created.id,
        input: { startDate: created.intakes[0].startDate, places: 2 },
      });
      expect(errorCode(sameDay)).toBe('CONFLICT');
      expect(sameDay.errors?.[0].extensions?.field).toBe('input.startDate');
    });

    describe('bad input is refused with the field at fault and writes nothing', () => {
      const counts = async () =>
        (
          await stack.environment.sql(
            `SELECT (SELECT count(*) FROM tracks)::int AS tracks, (SELECT count(*) FROM track_intakes)::int AS intakes,
                    (SELECT count(*) FROM track_partners)::int AS partners,
                    (SELECT max(updated_at) FROM tracks)::text AS last_change`,
          )
        )[0];

      async function expectRefused(response: Promise<GraphqlResponse<unknown>>, field: string) {
        const before = await counts();
        const answer = await response;
        expect(errorCode(answer)).toBe('BAD_USER_INPUT');
        expect(answer.errors?.[0].extensions?.field).toBe(field);
        expect(await counts()).toEqual(before);
      }

      it.each([
        ['a name of 201 characters', { name: 'x'.repeat(201) }, 'input.name'],
        ['an over-long description', { description: 'x'.repeat(4001) }, 'input.description'],
        ['no occupation', { occupationConceptIds: [] }, 'input.occupationConceptIds'],
        [
          'an unknown occupation',
          { occupationConceptIds: [CONCEPTS.barnskotare, 'xxxx_xxx_xxx'] },
          'input.occupationConceptIds[1]',
        ],
        ['an unknown municipality', { municipalityConceptId: 'xxxx_xxx_xxx' }, 'input.municipalityConceptId'],
        [
          'an unknown education level',
          { minimumEducationLevelConceptId: 'xxxx_xxx_xxx' },
          'input.minimumEducationLevelConceptId',
        ],
        [
          'an education level below the SUN top level',
          { minimumEducationLevelConceptId: CONCEPTS.gymnasial3ar },
          'input.minimumEducationLevelConceptId',
        ],
        [
          'an unknown driving licence',
          { requiredDrivingLicenceConceptId: 'xxxx_xxx_xxx' },
          'input.requiredDrivingLicenceConceptId',
        ],
        [
          'an unknown partner',
          { partnerOrganisationIds: ['00000000-0000-4000-8000-000000000000'] },
          'input.partnerOrganisationIds[0]',
        ],
        ['negative praktik weeks', { praktikWeeks: -1 }, 'input.praktikWeeks'],
      ])('refuses %s', async (_case, changes, field) => {
        await expectRefused(
          admin.request(CREATE_TRACK, { input: { name: 'Felaktigt spår', ...DEMANDING, ...changes } }),
          field,
        );
      });

      it('refuses an intake of zero places, or on a date not in the calendar', async () => {
        const created = await track();
        await expectRefused(
          admin.request(ADD_INTAKE, { id: created.id, input: { startDate: '2027-10-01', places: 0 } }),
          'input.places',
        );
        await expectRefused(
          admin.request(ADD_INTAKE, { id: created.id, input: { startDate: '2027-02-29', places: 5 } }),
          'input.startDate',
        );
        // Enrolments close at the start: an intake that has started could never be filled.
        const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
        await expectRefused(
          admin.request(ADD_INTAKE, { id: created.id, input: { startDate: twoDaysAgo, places: 5 } }),
          'input.startDate',
        );
      });
    });
  });

  describe('enrolment', () => {
    it('checks every prerequisite against the competence profile, each with its own error on participantId', async () => {
      const { intakes } = await track();
      const participantId = await participantWithProfile(coach, {
        swedishLevel: 'SFI_B',
        educationLevelConceptId: CONCEPTS.forgymnasial,
        drivingLicenceConceptIds: [CONCEPTS.licenceC],
      });
      const response = await enrol(coach, intakes[0].id, participantId);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      const problems = response.errors?.[0].extensions?.fields ?? [];
      expect(problems.map((problem) => [problem.field, problem.message.split(':')[0]])).toEqual([
        ['participantId', 'PREREQUISITE_SWEDISH_LEVEL'],
        ['participantId', 'PREREQUISITE_EDUCATION_LEVEL'],
        ['participantId', 'PREREQUISITE_DRIVING_LICENCE'],
      ]);
      expect(problems[0].message).toContain('SFI_C or above; the profile has SFI_B');
      expect(problems[2].message).toContain('class B');
      expect(await placesTaken(intakes[0].id)).toBe(0);
      expect(await activeEnrolments(intakes[0].id)).toBe(0);
    });

    it('names the one prerequisite that is unmet', async () => {
      const { intakes } = await track();
      const participantId = await participantWithProfile(coach, {
        ...ELIGIBLE_PROFILE,
        swedishLevel: 'SFI_A',
      });
      const response = await enrol(coach, intakes[0].id, participantId);
      expect(response.errors?.[0].extensions?.fields).toHaveLength(1);
      expect(response.errors?.[0].message).toContain('PREREQUISITE_SWEDISH_LEVEL');
    });

    it('refuses a participant whose competence profile is empty, or missing', async () => {
      const { intakes } = await track();
      const participantId = await participantWithProfile(coach, null);
      const empty = await enrol(coach, intakes[0].id, participantId);
      expect(errorCode(empty)).toBe('BAD_USER_INPUT');
      expect(empty.errors?.[0].extensions?.fields?.map((problem) => problem.message.split(':')[0])).toEqual([
        'PREREQUISITE_SWEDISH_LEVEL',
        'PREREQUISITE_EDUCATION_LEVEL',
        'PREREQUISITE_DRIVING_LICENCE',
      ]);
      expect(empty.errors?.[0].message).toContain('no Swedish level recorded');

      // Registration creates an empty profile; without any row at all the answer says so.
      await stack.environment.sql('DELETE FROM competence_profiles WHERE participant_id = $1', [
        participantId,
      ]);
      const missing = await enrol(coach, intakes[0].id, participantId);
      expect(errorCode(missing)).toBe('BAD_USER_INPUT');
      expect(missing.errors?.[0].extensions?.field).toBe('participantId');
      expect(missing.errors?.[0].message).toContain('NO_COMPETENCE_PROFILE');
      expect(await placesTaken(intakes[0].id)).toBe(0);
      expect(await activeEnrolments(intakes[0].id)).toBe(0);
    });

    it('enrols once, refuses a second enrolment, and gives the place back on withdrawal', async () => {
      const { intakes } = await track();
      const intakeId = intakes[0].id;
      const participantId = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      const first = await enrol(coach, intakeId, participantId);
      expect(first.errors).toBeUndefined();
      expect(await placesTaken(intakeId)).toBe(1);

      const second = await enrol(coach, intakeId, participantId);
      expect(errorCode(second)).toBe('CONFLICT');
      expect(second.errors?.[0].message).toBe('The participant is already enrolled in this intake');
      expect(await placesTaken(intakeId)).toBe(1);

      const { track: seen } = await employer.ok<{ track: Track }>(TRACK, { id: intakes[0].trackId });
      expect(seen.intakes[0]).toMatchObject({ placesTaken: 1, placesLeft: 4 });

      const enrolmentId = first.data!.enrolInTrackIntake.id;
      const { withdrawTrackEnrolment } = await coach.ok<{
        withdrawTrackEnrolment: { withdrawnAt: string | null };
      }>(WITHDRAW, { id: enrolmentId });
      expect(withdrawTrackEnrolment.withdrawnAt).not.toBeNull();
      expect(await placesTaken(intakeId)).toBe(0);
      expect(refusedAt(await coach.request(WITHDRAW, { id: enrolmentId }))).toEqual([
        'CONFLICT',
        'enrolmentId',
      ]);
      expect(await placesTaken(intakeId)).toBe(0);

      // Withdrawn, the participant may enrol again.
      expect((await enrol(coach, intakeId, participantId)).errors).toBeUndefined();
      expect(await placesTaken(intakeId)).toBe(1);
    });

    it('holds one intake of a track at a time: not two whose praktik weeks overlap, the next once one is over', async () => {
      // 16 praktik weeks (112 days): the intake starting in 60 days runs until day 172.
      const { intakes } = await track({}, [
        [inDays(60), 5],
        [inDays(165), 5],
        [inDays(172), 5],
      ]);
      const [first, overlapping, next] = intakes.map((intake) => intake.id);
      const participantId = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      const enrolled = await enrol(coach, first!, participantId);
      expect(enrolled.errors).toBeUndefined();

      const refused = await enrol(coach, overlapping!, participantId);
      expect(refusedAt(refused)).toEqual(['CONFLICT', 'participantId']);
      expect(refused.errors?.[0].message).toContain(`this track's intake starting ${inDays(60)}`);
      expect(await placesTaken(overlapping!)).toBe(0);
      expect(await activeEnrolments(overlapping!)).toBe(0);

      // The day the first praktik is over, the next intake begins: open to them.
      expect((await enrol(coach, next!, participantId)).errors).toBeUndefined();
      // Withdrawn from the first, the participant may still not take the one that overlapped it: it overlaps the next.
      await coach.ok(WITHDRAW, { id: enrolled.data!.enrolInTrackIntake.id });
      expect(refusedAt(await enrol(coach, overlapping!, participantId))).toEqual([
        'CONFLICT',
        'participantId',
      ]);
      expect(await placesTaken(overlapping!)).toBe(0);

      // Another track's intakes are another matter.
      const other = await track({}, [[inDays(60), 5]]);
      expect((await enrol(coach, other.intakes[0]!.id, participantId)).errors).toBeUndefined();
    });

    it('refuses enrolment when no place is left', async () => {
      const { intakes } = await track({}, [['2027-03-01', 1]]);
      const first = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      const second = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      expect((await enrol(coach, intakes[0].id, first)).errors).toBeUndefined();
      const full = await enrol(coach, intakes[0].id, second);
      expect(errorCode(full)).toBe('CONFLICT');
      expect(full.errors?.[0].message).toBe('No places left in this intake');
      expect(await placesTaken(intakes[0].id)).toBe(1);
    });

    it('enrols until the intake starts, on its first day too, and not after', async () => {
      const { intakes } = await track({}, [['2027-05-03', 5]]);
      const intakeId = intakes[0].id;
      const late = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      // The intake began yesterday (in Sweden): closed, nothing written.
      await stack.environment.sql(
        `UPDATE track_intakes SET start_date = (now() AT TIME ZONE 'Europe/Stockholm')::date - 1 WHERE id = $1`,
        [intakeId],
      );
      const refused = await enrol(coach, intakeId, late);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0].extensions?.field).toBe('intakeId');
      expect(refused.errors?.[0].message).toMatch(/^The intake started on \d{4}-\d{2}-\d{2}/);
      expect(await placesTaken(intakeId)).toBe(0);
      expect(await activeEnrolments(intakeId)).toBe(0);
      // It begins today: still open.
      await stack.environment.sql(
        `UPDATE track_intakes SET start_date = (now() AT TIME ZONE 'Europe/Stockholm')::date WHERE id = $1`,
        [intakeId],
      );
      expect((await enrol(coach, intakeId, late)).errors).toBeUndefined();
      expect(await placesTaken(intakeId)).toBe(1);
    });

    it('holds capacity under concurrency: 8 simultaneous enrolments into 5 places give 5 successes and 3 CONFLICTs', async () => {
      const { intakes } = await track({}, [['2027-04-01', 5]]);
      const intakeId = intakes[0].id;
      const participants = await Promise.all(
        Array.from({ length: 8 }, () => participantWithProfile(coach, ELIGIBLE_PROFILE)),
      );
      const responses = await Promise.all(
        participants.map((participantId) => enrol(coach, intakeId, participantId)),
      );
      const outcomes = responses.map((response) => errorCode(response) ?? 'OK');
      expect(outcomes.filter((outcome) => outcome === 'OK')).toHaveLength(5);
      expect(outcomes.filter((outcome) => outcome === 'CONFLICT')).toHaveLength(3);
      for (const response of responses.filter((r) => errorCode(r) === 'CONFLICT'))
        expect(response.errors?.[0].message).toBe('No places left in this intake');
      expect(await placesTaken(intakeId)).toBe(5);
      expect(await activeEnrolments(intakeId)).toBe(5);
    });

    it("keeps enrolments to coaches and admins of the participant's organisation", async () => {
      const { intakes } = await track();
      const intakeId = intakes[0].id;
      const participantId = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      expect(errorCode(await enrol(otherCoach, intakeId, participantId))).toBe('FORBIDDEN');
      expect(errorCode(await enrol(otherAdmin, intakeId, participantId))).toBe('FORBIDDEN');
      expect(errorCode(await enrol(employer, intakeId, participantId))).toBe('FORBIDDEN');
      expect(await placesTaken(intakeId)).toBe(0);

      const enrolled = await admin.ok<{ enrolInTrackIntake: { id: string } }>(ENROL, {
        intakeId,
        participantId,
      });
      const otherParticipant = await participantWithProfile(otherCoach, ELIGIBLE_PROFILE);
      expect((await enrol(otherCoach, intakeId, otherParticipant)).errors).toBeUndefined();

      const list = async (client: GraphqlClient) =>
        (
          await client.ok<{ trackEnrolments: { nodes: { participantId: string }[] } }>(ENROLMENTS, {
            intakeId,
          })
        ).trackEnrolments.nodes.map((node) => node.participantId);
      expect(await list(coach)).toEqual([participantId]);
      expect(await list(admin)).toEqual([participantId]);
      expect(await list(otherCoach)).toEqual([otherParticipant]);
      expect(errorCode(await employer.request(ENROLMENTS, { intakeId }))).toBe('FORBIDDEN');

      expect(errorCode(await otherCoach.request(WITHDRAW, { id: enrolled.enrolInTrackIntake.id }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await employer.request(WITHDRAW, { id: enrolled.enrolInTrackIntake.id }))).toBe(
        'FORBIDDEN',
      );
      expect(await placesTaken(intakeId)).toBe(2);

      await coach.ok(WITHDRAW, { id: enrolled.enrolInTrackIntake.id });
      expect(await list(coach)).toEqual([]);
      const all = await coach.ok<{ trackEnrolments: { nodes: { withdrawnAt: string | null }[] } }>(
        ENROLMENTS,
        {
          intakeId,
          all: true,
        },
      );
      expect(all.trackEnrolments.nodes).toHaveLength(1);
      expect(all.trackEnrolments.nodes[0].withdrawnAt).not.toBeNull();
    });

    it("gives an erased participant's places back to their intakes", async () => {
      const first = await track();
      const second = await track();
      const participantId = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      await coach.ok(ENROL, { intakeId: first.intakes[0].id, participantId });
      await coach.ok(ENROL, { intakeId: second.intakes[0].id, participantId });
      expect(await placesTaken(first.intakes[0].id)).toBe(1);
      await coach.ok('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: participantId });
      expect(await placesTaken(first.intakes[0].id)).toBe(0);
      expect(await placesTaken(second.intakes[0].id)).toBe(0);
      expect(await activeEnrolments(first.intakes[0].id)).toBe(0);
    });

    it('never leaves an erased participant holding a place when enrolment and erasure race', async () => {
      const { intakes } = await track();
      const intakeId = intakes[0].id;
      const erased: string[] = [];
      for (let round = 0; round < 8; round++) {
        const participantId = await participantWithProfile(coach, ELIGIBLE_PROFILE);
        erased.push(participantId);
        await Promise.all([
          enrol(coach, intakeId, participantId),
          coach.request('mutation($id: ID!) { eraseParticipant(id: $id) }', { id: participantId }),
        ]);
      }
      const active = await stack.environment.sql(
        'SELECT count(*)::int AS count FROM track_enrolments WHERE participant_id = ANY($1::uuid[]) AND withdrawn_at IS NULL',
        [erased],
      );
      expect(active[0]!.count).toBe(0);
      expect(await placesTaken(intakeId)).toBe(await activeEnrolments(intakeId));
    });

    it("withdraws behind the participant's lock, as erasure takes it first: the two queue instead of deadlocking", async () => {
      const { intakes } = await track();
      const participantId = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      const enrolled = await enrol(coach, intakes[0].id, participantId);
      // A session holding the participant as an erasure does before it gives places back (intakes, then enrolments).
      const holder = new pg.Client({ connectionString: stack.environment.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM participants WHERE id = $1 FOR UPDATE', [participantId]);
        const withdrawal = coach.request(WITHDRAW, { id: enrolled.data!.enrolInTrackIntake.id });
        // It waits for the participant, holding neither the enrolment nor the intake the erasure will take.
        await blockedBy(holder);
        await holder.query('SELECT 1 FROM track_intakes WHERE id = $1 FOR UPDATE NOWAIT', [intakes[0].id]);
        await holder.query('SELECT 1 FROM track_enrolments WHERE participant_id = $1 FOR UPDATE NOWAIT', [
          participantId,
        ]);
        await holder.query('COMMIT');
        expect((await withdrawal).errors).toBeUndefined();
      } finally {
        await holder.end();
      }
    });

    it('answers NOT_FOUND for unknown intakes, participants and enrolments', async () => {
      const { intakes } = await track();
      const unknown = '00000000-0000-4000-8000-000000000000';
      const participantId = await participantWithProfile(coach, ELIGIBLE_PROFILE);
      expect(errorCode(await enrol(coach, unknown, participantId))).toBe('NOT_FOUND');
      expect(errorCode(await enrol(coach, intakes[0].id, unknown))).toBe('NOT_FOUND');
      expect(errorCode(await coach.request(WITHDRAW, { id: unknown }))).toBe('NOT_FOUND');
      expect(errorCode(await coach.request(ENROLMENTS, { intakeId: unknown }))).toBe('NOT_FOUND');
    });
  });
});
