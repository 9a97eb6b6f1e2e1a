import { readFile } from 'node:fs/promises';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { Role } from '#libs/access-control';
import { AccessPolicyCheck } from '#libs/auth';
import { SCHEMA_FILE } from '../../apps/api/graphql/schema-file.js';
import { startApi, type RunningApi } from '../support/running-apps.js';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment.js';

/** Types that hold a participant's personal data or coach-only facts. */
const PERSONAL_TYPES = [
  'Participant',
  'CompetenceProfile',
  'PriorityGroups',
  'Consent',
  'PersonalDataAccess',
];

/** Field names that would carry a participant's personal or coach-only data, on any type. */
const PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'personnummer',
  'birthYear',
  'birthDate',
  'gender',
  'countryOfOrigin',
  'coachNotes',
  'priorityGroups',
  'establishmentPeriodEndsOn',
  'participantId',
  'consent',
  'interests',
];

/**
 * The only personal fields an employer's types may have, each on exactly one type and for a reason: after a confirmed
 * match and with the participant's INTRODUCTION consent, the first name in the placement's introduction (null
 * otherwise, audit-logged); and the participant a notification is about, which only coaches' and admins'
 * notifications name and which only they are shown, whatever the row holds (NotificationType.from).
 */
const ALLOWED_PERSONAL_FIELDS = ['Notification.participantId', 'PlacementIntroduction.firstName'];

/** Exactly what the employer view of a profile shows (issue 3). */
const ANONYMISED_PROFILE_FIELDS = [
  'ageBand',
  'area',
  'availability',
  'drivingLicences',
  'educationLevel',
  'experience',
  'languages',
  'publicId',
  'skills',
  'summary',
  'swedishLevel',
  /** Which of `skills` an employer confirmed in a kompetensbevis (issue 5). */
  'verifiedSkillIds',
  'wantedKinds',
];

/** Every output type reachable from the given root fields, and every field seen on the way (`Type.field`). */
function reach(
  schema: GraphQLSchema,
  roots: Array<[string, string]>,
): { types: Set<string>; fields: Set<string> } {
  const types = new Set<string>();
  const fields = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (types.has(type.name)) return;
    types.add(type.name);
    if (isUnionType(type)) type.getTypes().forEach(visit);
    if (isInterfaceType(type)) schema.getPossibleTypes(type).forEach(visit);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        fields.add(`${type.name}.${field.name}`);
        visit(getNamedType(field.type));
      }
    }
  };
  for (const [root, name] of roots) {
    const rootType = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    visit(getNamedType(rootType.getFields()[name]!.type));
  }
  return { types, fields };
}

describe('what employers can reach', () => {
  let environment: TestEnvironment;
  let api: RunningApi;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await startApi(environment.apiConfig);
  });

  afterAll(async () => {
    await api?.close();
    await environment?.destroy();
  });

  it('walks every type an employer can reach and finds no personal or coach-only field', async () => {
    const schema = buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
    const { policies } = api.app.get(AccessPolicyCheck);
    const employerRoots = [...policies]
      .filter(([, policy]) => policy.kind === 'public' || policy.roles.includes(Role.EMPLOYER))
      .map(([key]) => key.split('.') as [string, string]);
    expect(employerRoots.map((root) => root.join('.'))).toEqual(
      expect.arrayContaining(['Query.anonymisedProfiles', 'Query.anonymisedProfile']),
    );
    const { types, fields } = reach(schema, employerRoots);
    expect(types.has('AnonymisedProfile')).toBe(true);
    for (const type of PERSONAL_TYPES) expect([type, types.has(type)]).toEqual([type, false]);
    const personal = [...fields].filter((field) => PERSONAL_FIELDS.includes(field.split('.')[1]!));
    expect(personal).toEqual(ALLOWED_PERSONAL_FIELDS);
    const introduction = schema.getType('PlacementIntroduction');
    expect(isObjectType(introduction) && Object.keys(introduction.getFields()).sort()).toEqual([
      'contact',
      'firstName',
    ]);
    const contact = schema.getType('PlacementContact');
    expect(isObjectType(contact) && Object.keys(contact.getFields()).sort()).toEqual(['email', 'name']);
    const profile = schema.getType('AnonymisedProfile');
    expect(isObjectType(profile) && Object.keys(profile.getFields()).sort()).toEqual(
      ANONYMISED_PROFILE_FIELDS,
    );
  });

  it('has a policy for every query and mutation of the committed schema', async () => {
    const schema = buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
    const { policies } = api.app.get(AccessPolicyCheck);
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((name) => `Mutation.${name}`),
    ];
    expect([...policies.keys()].sort()).toEqual(operations.sort());
  });
});
