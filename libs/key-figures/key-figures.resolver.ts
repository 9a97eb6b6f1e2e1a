import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { Download } from '#libs/downloads';
import { KeyFiguresInput } from './dtos/key-figures.input.js';
import { KeyFiguresType } from './dtos/key-figures.type.js';
import { keyFiguresCsv } from './key-figures-csv.js';
import { KeyFiguresService } from './key-figures.service.js';

@Resolver()
export class KeyFiguresResolver {
  constructor(private readonly service: KeyFiguresService) {}

  @Query(() => KeyFiguresType, {
    description:
      'Key figures of an organisation or a municipality for a period: openings, proposals, placements, 90-day ' +
      'outcomes, breakdowns by education, Swedish level, gender and priority group, and Jobbspår intakes. Counts ' +
      'of people below 5 are suppressed. Coaches: their own organisation or its municipality; admins: any.',
  })
  @Allow(Role.ADMIN, Role.COACH)
  keyFigures(
    @Args('input') input: KeyFiguresInput,
    @CurrentUser() caller: Principal,
  ): Promise<KeyFiguresType> {
    return this.service.figures(caller, input);
  }

  @Query(() => Download, {
    description:
      'The same key figures as a CSV file for Excel with Swedish settings: `;`-separated, decimal comma, UTF-8 with ' +
      'a byte order mark; one figure a row (section, group, measure, value); suppressed cells are "..".',
  })
  @Allow(Role.ADMIN, Role.COACH)
  async keyFiguresCsv(
    @Args('input') input: KeyFiguresInput,
    @CurrentUser() caller: Principal,
  ): Promise<Download> {
    return keyFiguresCsv(await this.service.figures(caller, input));
  }
}
