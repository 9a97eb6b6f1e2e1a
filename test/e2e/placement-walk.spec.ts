import { eventually } from '../support/eventually.js';
import { about, notificationsOf, type GraphqlClient } from '../support/graphql-client.js';
import { UPPSALA_SKILLS, uppsalaCandidate, uppsalaPraktik } from '../support/matching-fixtures.js';
import { ensureTestTaxonomy } from '../support/opening-track-fixtures.js';
import {
  confirmedPlacement,
  consentingParticipant,
  inDays,
  proposalAfterMatching,
  publishedOpening,
} from '../support/placement-fixtures.js';
import { startStack, type Stack } from '../support/stack.js';
import { settle } from '../support/worker-process.js';

const KEY_FIGURES = `query($input: KeyFiguresInput!) { keyFigures(input: $input) {
  placements { completed { value suppressed } }
  outcomes { work { value suppressed } inWorkOrStudiesShare } } }`;
/** The walked placement runs 200 to 110 days ago; the key figures look at the placements that ended on its last day. */
const LAST_DAY = -110;
const FOLLOW_UPS = `query($id: ID!) { followUps(placementId: $id, first: 10) { nodes { id kind status dueOn } } }`;

interface FollowUp {
  id: string;
  kind: string;
  status: string;
  dueOn: string;
}

/**
 * One participant from the matching worker's proposal to the 90-day outcome, through the API as the coach and the
 * employer use it, against the real worker, PostgreSQL, Redis and Meilisearch; the key figures count it.
 */
describe('a placement from proposal to the 90-day outcome', () => {
  let stack: Stack;
  let coach: GraphqlClient;
  let employer: GraphqlClient;

  const sql = (query: string, parameters?: unknown[]) => stack.environment.sql(query, parameters);

  async function followUps(placementId: string): Promise<Record<string, FollowUp>> {
    const { followUps } = await coach.ok<{ followUps: { nodes: FollowUp[] } }>(FOLLOW_UPS, {
      id: placementId,
    });
    return Object.fromEntries(followUps.nodes.map((followUp) => [followUp.kind, followUp]));
  }

  /** A placement of a new participant that ended on LAST_DAY, 90-day outcome WORK: company for the walk's figures. */
  async function earlierPlacement(): Promise<void> {
    const openingId = await publishedOpening(employer, { startDate: inDays(30), endDate: inDays(120) });
    const participantId = await consentingParticipant(coach, ['ANONYMISED_PROFILE']);
    const id = await confirmedPlacement(coach, await proposalAfterMatching(stack, openingId, participantId));
    for (const change of [
      `reschedulePlacement(input: { placementId: $id, startDate: "${inDays(-150)}", endDate: "${inDays(LAST_DAY)}" })`,
      'startPlacement(input: { placementId: $id })',
      'completePlacement(input: { placementId: $id })',
      'recordOutcome(input: { placementId: $id, outcome: WORK })',
    ])
      await coach.ok(`mutation($id: ID!) { ${change} { __typename } }`, { id });
  }

  async function keyFigures() {
    const [{ organisation_id: organisationId }] = (await sql(
      `SELECT organisation_id FROM users WHERE email = 'coach@varmdo.example'`,
    )) as [{ organisation_id: string }];
    const { keyFigures } = await coach.ok<{
      keyFigures: {
        placements: { completed: { value: number | null; suppressed: boolean } };
        outcomes: {
          work: { value: number | null; suppressed: boolean };
          inWorkOrStudiesShare: number | null;
        };
      };
    }>(KEY_FIGURES, { input: { organisationId, from: inDays(LAST_DAY), to: inDays(LAST_DAY) } });
    return keyFigures;
  }

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    await ensureTestTaxonomy(stack.environment);
    coach = await stack.anonymous.login('coach@varmdo.example');
    employer = await stack.anonymous.login('employer@vard.example');
    await settle(stack.environment, undefined, 150_000);
  }, 180_000);

  afterAll(() => stack?.close());

  it('proposal, confirmation, start, follow-ups from both sides, completion with a kompetensbevis, outcome, key figures', async () => {
    // Four people whose placements ended on the same day: too few to show (counts of 1–4 are suppressed).
    for (let i = 0; i < 4; i++) await earlierPlacement();
    expect(await keyFigures()).toEqual({
      placements: { completed: { value: null, suppressed: true } },
      outcomes: { work: { value: null, suppressed: true }, inWorkOrStudiesShare: null },
    });

    // The matching worker proposes the one person who meets every requirement, with its reasons.
    const openingId = await uppsalaPraktik(employer, {
      places: 1,
      startDate: inDays(7),
      endDate: inDays(97),
    });
    const participantId = await uppsalaCandidate(coach, { availableFrom: inDays(0) });
    type Proposal = { id: string; participantId: string; status: string; explanationSv: string };
    const proposals = await eventually(
      () =>
        coach
          .ok<{ proposals: { nodes: Proposal[] } }>(
            `query($id: ID!) { proposals(openingId: $id, first: 10) {
              nodes { id participantId status explanationSv } } }`,
            { id: openingId },
          )
          .then(({ proposals }) => proposals.nodes),
      (nodes) => nodes.some((p) => p.participantId === participantId && p.status === 'PROPOSED'),
      60_000,
    );
    const proposal = proposals.find((p) => p.participantId === participantId)!;
    expect(proposal.explanationSv).toMatch(/Täcker 4 av 4 krav/);

    // Confirmed: the employer learns the first name and the coach as contact.
    const { confirmProposal } = await coach.ok<{ confirmProposal: { id: string; status: string } }>(
      'mutation($id: ID!) { confirmProposal(input: { proposalId: $id }) { id status } }',
      { id: proposal.id },
    );
    const placementId = confirmProposal.id;
    expect(confirmProposal.status).toBe('PLANNED');
    const { employerPlacement } = await employer.ok<{
      employerPlacement: { introduction: { firstName: string | null; contact: { email: string } } };
    }>('query($id: ID!) { employerPlacement(id: $id) { introduction { firstName contact { email } } } }', {
      id: placementId,
    });
    expect(employerPlacement.introduction).toEqual({
      firstName: 'Test',
      contact: { email: 'coach@varmdo.example' },
    });
    expect(Object.keys(await followUps(placementId)).sort()).toEqual([
      'END',
      'MIDPOINT',
      'OUTCOME',
      'WEEK_ONE',
    ]);

    // As if the months had passed: the placement ran 200 to 110 days ago (the outcome is the status 90 days after
    // its last day, so the test cannot wait for it). The plan moves with it and its past check-ins come due.
    await coach.ok(
      `mutation($input: ReschedulePlacementInput!) { reschedulePlacement(input: $input) { id } }`,
      { input: { placementId, startDate: inDays(-200), endDate: inDays(LAST_DAY) } },
    );
    await coach.ok('mutation($id: ID!) { startPlacement(input: { placementId: $id }) { status } }', {
      id: placementId,
    });
    const due = await eventually(
      () => followUps(placementId),
      (plan) => ['WEEK_ONE', 'MIDPOINT', 'END', 'OUTCOME'].every((kind) => plan[kind]?.status === 'DUE'),
      60_000,
    );
    // Each notification leads to its check-in: the coach's and the employer's (never to the participant).
    const weekOne = { placementId, followUpId: due.WEEK_ONE!.id };
    expect(await notificationsOf(coach)).toContainEqual(about('FOLLOW_UP_DUE', weekOne));
    expect(await notificationsOf(employer)).toContainEqual(about('FEEDBACK_REQUESTED', weekOne));

    // Follow-ups from both sides.
    await coach.ok(`mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`, {
      input: {
        placementId,
        followUpId: due.WEEK_ONE!.id,
        attendance: 'ALWAYS',
        tasksPerformed: 'Städning av kontor',
        swedishProgress: 'SOME',
        satisfaction: 4,
        dropoutRisk: 'LOW',
        coachNote: 'Trivs, vill fortsätta inom städ.',
      },
    });
    await employer.ok(
      `mutation($input: FollowUpFeedbackInput!) { recordEmployerFeedback(input: $input) { id } }`,
      {
        input: {
          placementId,
          followUpId: due.MIDPOINT!.id,
          attendance: 'MOSTLY',
          tasksPerformed: 'Hygienstädning och flyttstädning',
          swedishProgress: 'CLEAR',
          satisfaction: 5,
          dropoutRisk: 'LOW',
        },
      },
    );
    // The coach's answer closes a check-in (it is the coach's task); the employer's feedback is there to read.
    const answered = await followUps(placementId);
    expect([answered.WEEK_ONE!.status, answered.MIDPOINT!.status]).toEqual(['DONE', 'DUE']);
    const { followUpEntries } = await coach.ok<{
      followUpEntries: Array<{ side: string; satisfaction: number }>;
    }>('query($id: ID!) { followUpEntries(placementId: $id) { side satisfaction } }', { id: placementId });
    expect(followUpEntries).toEqual([
      { side: 'COACH', satisfaction: 4 },
      { side: 'EMPLOYER', satisfaction: 5 },
    ]);

    // Completed, with the skills the employer saw: verified on the profile, printed as a kompetensbevis.
    await coach.ok('mutation($id: ID!) { completePlacement(input: { placementId: $id }) { status } }', {
      id: placementId,
    });
    expect(await notificationsOf(employer)).toContainEqual(
      about('COMPETENCE_CERTIFICATE_REQUESTED', { placementId }),
    );
    const shown = [...UPPSALA_SKILLS.slice(0, 2)];
    await employer.ok(
      `mutation($input: IssueCompetenceCertificateInput!) { issueCompetenceCertificate(input: $input) { placementId } }`,
      { input: { placementId, skillConceptIds: shown } },
    );
    const { competenceProfile } = await coach.ok<{ competenceProfile: { verifiedSkillIds: string[] } }>(
      'query($id: ID!) { competenceProfile(participantId: $id) { verifiedSkillIds } }',
      { id: participantId },
    );
    expect(competenceProfile.verifiedSkillIds).toEqual([...shown].sort());
    const { competenceCertificateDocument } = await coach.ok<{
      competenceCertificateDocument: { content: string };
    }>('query($id: ID!) { competenceCertificateDocument(placementId: $id) { content } }', {
      id: placementId,
    });
    expect(competenceCertificateDocument.content).toContain('Test Deltagare');
    expect(competenceCertificateDocument.content).toContain('Praktik som städare');

    // The status 90 days after.
    const { recordOutcome } = await coach.ok<{ recordOutcome: { status: string; outcome: string } }>(
      `mutation($id: ID!) { recordOutcome(input: { placementId: $id, outcome: WORK, note: "Anställd som städare" }) {
        status outcome } }`,
      { id: placementId },
    );
    expect(recordOutcome).toEqual({ status: 'DONE', outcome: 'WORK' });
    const [row] = await sql('SELECT status, end_date::text FROM placements WHERE id = $1', [placementId]);
    expect(row).toEqual({ status: 'COMPLETED', end_date: inDays(LAST_DAY) });

    // The key figures count the walked person: five completed that day, all in work 90 days after.
    expect(await keyFigures()).toEqual({
      placements: { completed: { value: 5, suppressed: false } },
      outcomes: { work: { value: 5, suppressed: false }, inWorkOrStudiesShare: 1 },
    });
  }, 240_000);
});
