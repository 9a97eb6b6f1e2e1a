import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The fields of Participant that hold personal data: decrypted and audit-logged only when asked for. */
export const PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'personnummer',
  'phone',
  'email',
  'birthYear',
  'gender',
  'consent',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * Coach-only fields of the competence profile. Priority groups include disability (health data) and notes may hold
 * anything, so reading them is audit-logged like personal data.
 */
export const COACH_ONLY_FIELDS = ['coachNotes', 'priorityGroups', 'establishmentPeriodEndsOn'] as const;

/** Every field name selected anywhere under this resolver's field, through fragments too. */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') {
        names.add(selection.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

/**
 * Which personal fields the query selects (directly, in a page's `nodes`, or through fragments), so that a list
 * of ids does not count as a read of names.
 */
export function requestedPersonalFields(info: GraphQLResolveInfo): PersonalField[] {
  const names = selectedFieldNames(info);
  return PERSONAL_FIELDS.filter((field) => names.has(field));
}

/** Which coach-only profile fields the query selects. */
export function requestedCoachOnlyFields(info: GraphQLResolveInfo): string[] {
  const names = selectedFieldNames(info);
  return COACH_ONLY_FIELDS.filter((field) => names.has(field));
}
