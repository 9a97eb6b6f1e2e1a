import { withLuhnCheckDigit } from '#libs/identity-numbers';
import { DEMO_ORGANISATIONS } from '#libs/demo-data';
import { GraphqlClient } from './graphql-client.js';
import { uniquePersonnummer } from './participants.js';
import type { TestEnvironment } from './test-environment.js';

/** Real JobTech concept ids (../shared/data/taxonomy) that the openings and tracks tests use. */
export const CONCEPTS = {
  stockholmsLan: 'CifL_Rzy_Mku',
  uppsalaLan: 'zBon_eET_fFU',
  varmdo: '15nx_Vut_GrH',
  nacka: 'aYA7_PpG_BqP',
  uppsala: 'otaF_bQY_4ZD',
  barnskotare: 'rM7G_ge7_XhP',
  elevassistent: 'Sbzf_iBA_MAS',
  stadare: 'KF64_AvU_S4N',
  hygienstadning: 'N9ho_NPL_JBg',
  byggstadning: 'T7dX_M3r_SDj',
  flyttstadning: 'PNwF_wJR_fmW',
  arabiska: '3iEY_RGP_qXq',
  engelska: 'NVxJ_hLg_TYS',
  /** SUN 2020 top level 2: förgymnasial utbildning, 9 (10) år. */
  forgymnasial: 'm5ZS_gKU_d4v',
  /** SUN 2020 top level 3: gymnasial utbildning. */
  gymnasial: 'wyLL_K3a_HRC',
  /** SUN 2020 level 2 code 33 (below the top level): gymnasial utbildning, 3 år. */
  gymnasial3ar: '7wEe_uui_q7S',
  licenceB: 'VTK8_WRx_GcM',
  licenceC: 'BKCx_hST_Pcm',
} as const;

/**
 * Makes sure the test database has the taxonomy rows above. The template normally holds the whole taxonomy (or the
 * built-in subset); inserting what is missing keeps these tests independent of which one it is.
 */
export async function ensureTestTaxonomy(environment: TestEnvironment): Promise<void> {
  const c = CONCEPTS;
  await environment.sql(`
    INSERT INTO taxonomy_counties (concept_id, county_code, label, nuts3_code) VALUES
      ('${c.stockholmsLan}', '01', 'Stockholms län', 'SE110'), ('${c.uppsalaLan}', '03', 'Uppsala län', 'SE121')
    ON CONFLICT DO NOTHING;
    INSERT INTO taxonomy_municipalities (concept_id, municipality_code, label, county_concept_id) VALUES
      ('${c.varmdo}', '0120', 'Värmdö', '${c.stockholmsLan}'), ('${c.nacka}', '0182', 'Nacka', '${c.stockholmsLan}'),
      ('${c.uppsala}', '0380', 'Uppsala', '${c.uppsalaLan}')
    ON CONFLICT DO NOTHING;
    INSERT INTO taxonomy_occupation_groups (concept_id, ssyk_code, label, level) VALUES
      ('Hi9c_iTe_gHH', '5311', 'Barnskötare', 4), ('XW9L_tA9_WaX', '5312', 'Elevassistenter m.fl.', 4),
      ('Z6TY_xDf_Yup', '9111', 'Städare', 4)
    ON CONFLICT DO NOTHING;
    INSERT INTO taxonomy_occupations (concept_id, label, group_concept_id, no_education_requirement) VALUES
      ('${c.barnskotare}', 'Barnskötare', 'Hi9c_iTe_gHH', false),
      ('${c.elevassistent}', 'Elevassistent', 'XW9L_tA9_WaX', true),
      ('${c.stadare}', 'Städare', 'Z6TY_xDf_Yup', true)
    ON CONFLICT DO NOTHING;
    INSERT INTO taxonomy_skills (concept_id, label) VALUES
      ('${c.hygienstadning}', 'Hygienstädning'), ('${c.byggstadning}', 'Byggstädning'),
      ('${c.flyttstadning}', 'Flyttstädning')
    ON CONFLICT DO NOTHING;
    INSERT INTO taxonomy_languages (concept_id, label, iso_639_1, iso_639_2) VALUES
      ('${c.arabiska}', 'Arabiska', 'ar', 'ara'), ('${c.engelska}', 'Engelska', 'en', 'eng')
    ON CONFLICT DO NOTHING;
    INSERT INTO taxonomy_education_levels (concept_id, sun_code, label, level, parent_sun_code) VALUES
      ('${c.forgymnasial}', '2', 'Förgymnasial utbildning, 9 (10) år', 1, NULL),
      ('${c.gymnasial}', '3', 'Gymnasial utbildning', 1, NULL),
      ('${c.gymnasial3ar}', '33', 'Gymnasial utbildning, 3 år', 2, '3')
    ON CONFLICT DO NOTHING;
    INSERT INTO taxonomy_driving_licences (concept_id, code) VALUES ('${c.licenceB}', 'B'), ('${c.licenceC}', 'C')
    ON CONFLICT DO NOTHING;
  `);
}

let organisationSerial = 0;

/** The demo data's organisations are in every test database: never one of theirs. */
const DEMO_ORGANISATION_NUMBERS = new Set(
  DEMO_ORGANISATIONS.map((organisation) => organisation.organisationNumber),
);

/**
 * A valid organisationsnummer of a legal entity that no other call in this process returns and no demo
 * organisation has (a municipality's numbers are only 3 digits apart: the demo's were hit now and then).
 */
export function uniqueOrganisationNumber(prefix: '212000' | '232100' | '202100' | '556' | '802'): string {
  const start = (process.pid * 13) % 900;
  for (;;) {
    organisationSerial += 1;
    const number = withLuhnCheckDigit(
      `${prefix}${String(start + organisationSerial).padStart(9 - prefix.length, '0')}`,
    );
    if (!DEMO_ORGANISATION_NUMBERS.has(number)) return number;
  }
}

const ORGANISATION_NUMBER_PREFIX = {
  MUNICIPALITY: '212000',
  REGION: '232100',
  STATE_AGENCY: '202100',
  COMPANY: '556',
  ASSOCIATION: '802',
} as const;

/** A new organisation of `kind` and a user of `role` in it, logged in. */
export async function organisationWithUser(
  admin: GraphqlClient,
  kind: keyof typeof ORGANISATION_NUMBER_PREFIX,
  role: 'ADMIN' | 'COACH' | 'EMPLOYER',
  name = `Test ${kind.toLowerCase()} ${organisationSerial + 1}`,
): Promise<{ organisationId: string; client: GraphqlClient }> {
  const { createOrganisation } = await admin.ok<{ createOrganisation: { id: string } }>(
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    {
      input: {
        kind,
        name,
        organisationNumber: uniqueOrganisationNumber(ORGANISATION_NUMBER_PREFIX[kind]),
        municipalityCode: '0120',
      },
    },
  );
  const client = await userIn(admin, createOrganisation.id, role);
  return { organisationId: createOrganisation.id, client };
}

let userSerial = 0;

/** A new user of `role` in the organisation, logged in. */
export async function userIn(
  admin: GraphqlClient,
  organisationId: string,
  role: 'ADMIN' | 'COACH' | 'EMPLOYER',
): Promise<GraphqlClient> {
  userSerial += 1;
  const email = `${role.toLowerCase()}-${process.pid}-${userSerial}@test.example`;
  const password = 'a-long-test-password';
  await admin.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, fullName: `Test ${role}`, role, organisationId, password },
  });
  return new GraphqlClient(admin.url).login(email, password);
}

/** The organisation id of a logged-in client. */
export async function organisationOf(client: GraphqlClient): Promise<string> {
  const { me } = await client.ok<{ me: { organisation: { id: string } } }>('{ me { organisation { id } } }');
  return me.organisation.id;
}

/**
 * A participant of the coach's organisation, registered through the API, with a competence profile holding
 * `profile` (UpdateCompetenceProfileInput fields); with `null`, the profile stays as registration left it (empty).
 */
export async function participantWithProfile(
  coach: GraphqlClient,
  profile: Record<string, unknown> | null,
): Promise<string> {
  const { createParticipant } = await coach.ok<{ createParticipant: { id: string } }>(
    'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
    { input: { firstName: 'Test', lastName: 'Deltagare', personnummer: uniquePersonnummer() } },
  );
  if (profile) {
    await coach.ok(
      `mutation($id: ID!, $input: UpdateCompetenceProfileInput!) {
         updateCompetenceProfile(participantId: $id, input: $input) { status } }`,
      { id: createParticipant.id, input: profile },
    );
  }
  return createParticipant.id;
}

let trackSerial = 0;

/**
 * A Jobbspår track made by `admin` with `partnerOrganisationId` as its one partner, no prerequisites beyond `track`'s,
 * and an intake for each start date (`places` each). Returns the track's id and the intakes' ids, in the order given.
 */
export async function trackWithIntakes(
  admin: GraphqlClient,
  {
    partnerOrganisationId,
    startDates,
    places = 5,
    track = {},
  }: {
    partnerOrganisationId: string;
    startDates: string[];
    places?: number;
    track?: Record<string, unknown>;
  },
): Promise<{ trackId: string; intakeIds: string[] }> {
  const { createTrack } = await admin.ok<{ createTrack: { id: string } }>(
    'mutation($input: CreateTrackInput!) { createTrack(input: $input) { id } }',
    {
      input: {
        name: `Testspår ${++trackSerial} ${Date.now()}`,
        municipalityConceptId: CONCEPTS.varmdo,
        occupationConceptIds: [CONCEPTS.stadare],
        praktikWeeks: 12,
        sfiHoursPerWeek: 6,
        vocationalSwedish: true,
        partnerOrganisationIds: [partnerOrganisationId],
        ...track,
      },
    },
  );
  const intakeIds: string[] = [];
  for (const startDate of startDates) {
    const { addTrackIntake } = await admin.ok<{
      addTrackIntake: { intakes: { id: string; startDate: string }[] };
    }>(
      'mutation($id: ID!, $input: AddTrackIntakeInput!) { addTrackIntake(trackId: $id, input: $input) { intakes { id startDate } } }',
      { id: createTrack.id, input: { startDate, places } },
    );
    intakeIds.push(addTrackIntake.intakes.find((intake) => intake.startDate === startDate)!.id);
  }
  return { trackId: createTrack.id, intakeIds };
}
