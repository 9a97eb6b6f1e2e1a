import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { calendarDateProblem, lastDayWithin } from '#libs/calendar';
import type { FieldProblem } from '#libs/errors';
import { municipalityCodeProblem } from '#libs/organisations';
import { Satisfies, Trim } from '#libs/validation';

/** The longest period asked for at once. */
export const MAX_PERIOD_YEARS = 5;

@InputType({
  description:
    'Whose key figures, for which period: exactly one of `organisationId` and `municipalityCode`, and `from` ≤ `to` ' +
    'at most 5 years apart. Coaches may ask for their own organisation or its municipality only.',
})
export class KeyFiguresInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'An organisation: the openings it posted, and the proposals and placements in them or of the participants it ' +
      'coaches; the tracks it runs.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  organisationId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'A municipality by kommunkod (0120): the openings located there, and the proposals and placements in them or ' +
      'of participants coached by an organisation of the municipality; the tracks located there.',
  })
  @IsOptional()
  @Trim()
  @Satisfies(municipalityCodeProblem)
  municipalityCode?: string;

  @Field({ description: 'First day of the period, YYYY-MM-DD (Swedish time).' })
  @Satisfies(calendarDateProblem)
  from!: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD, included.' })
  @Satisfies(calendarDateProblem)
  to!: string;
}

/**
 * What is wrong with the input beyond each field's own format (checked by the validation pipe): exactly one of
 * organisation and municipality, `from` ≤ `to`, at most MAX_PERIOD_YEARS long.
 */
export function keyFiguresInputProblems(input: KeyFiguresInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const organisation = input.organisationId !== undefined && input.organisationId !== null;
  const municipality = input.municipalityCode !== undefined && input.municipalityCode !== null;
  if (organisation === municipality) {
    problems.push({
      field: organisation ? 'input.municipalityCode' : 'input.organisationId',
      message: 'give exactly one of organisationId and municipalityCode',
    });
  }
  if (input.to < input.from) {
    problems.push({ field: 'input.to', message: `must not be before from (${input.from})` });
  } else if (input.to > lastDayWithin(input.from, MAX_PERIOD_YEARS * 12)) {
    problems.push({ field: 'input.to', message: `must be at most ${MAX_PERIOD_YEARS} years after from` });
  }
  return problems;
}
