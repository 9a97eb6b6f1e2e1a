import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { calendarDateProblem } from '#libs/calendar';
import { municipalityCodeProblem } from '#libs/organisations';
import { Satisfies, Trim } from '#libs/validation';

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
