import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentUser, Role, type Principal } from '#libs/access-control';
import { PageOf, type Page } from '#libs/pagination';
import { IdArg } from '#libs/validation';
import { CreateOpeningInput, OpeningsArgs, UpdateOpeningInput } from './dtos/opening.inputs.js';
import { OpeningType } from './dtos/opening.type.js';
import type { Opening } from './entities/opening.entity.js';
import { OpeningViews } from './opening-views.js';
import { OpeningsService } from './openings.service.js';

const OpeningPage = PageOf(OpeningType, 'Opening');

@Resolver(() => OpeningType)
export class OpeningsResolver {
  constructor(
    private readonly openingsService: OpeningsService,
    private readonly views: OpeningViews,
  ) {}

  @Query(() => OpeningPage, {
    description:
      "Employers: their own organisation's openings in any status. Coaches and admins: every organisation's " +
      'PUBLISHED and FILLED openings. Newest first.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async openings(@Args() args: OpeningsArgs, @CurrentUser() caller: Principal): Promise<Page<OpeningType>> {
    const page = await this.openingsService.list(caller, args);
    return { ...page, nodes: await this.views.describe(page.nodes) };
  }

  @Query(() => OpeningType, {
    description:
      'FORBIDDEN for an opening the caller may not see (see `openings`), NOT_FOUND for an unknown id.',
  })
  @Allow(Role.ADMIN, Role.COACH, Role.EMPLOYER)
  async opening(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<OpeningType> {
    return this.view(await this.openingsService.get(caller, id));
  }

  @Mutation(() => OpeningType, { description: 'Employers: a DRAFT of their own organisation.' })
  @Allow(Role.EMPLOYER)
  async createOpening(
    @Args('input') input: CreateOpeningInput,
    @CurrentUser() caller: Principal,
  ): Promise<OpeningType> {
    return this.view(await this.openingsService.create(caller, input));
  }

  @Mutation(() => OpeningType, {
    description:
      'Employers, own organisation; DRAFT or PUBLISHED (a published one is checked for eligibility again). Once a ' +
      'place is taken, the kind and track intake stay (CONFLICT).',
  })
  @Allow(Role.EMPLOYER)
  async updateOpening(
    @IdArg() id: string,
    @Args('input') input: UpdateOpeningInput,
    @CurrentUser() caller: Principal,
  ): Promise<OpeningType> {
    return this.view(await this.openingsService.update(caller, id, input));
  }

  @Mutation(() => OpeningType, {
    description:
      'DRAFT → PUBLISHED. Each broken eligibility rule is its own BAD_USER_INPUT problem on the field at fault, ' +
      'its message starting with the rule name (EXTRATJANST_SUPERVISOR: …).',
  })
  @Allow(Role.EMPLOYER)
  async publishOpening(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<OpeningType> {
    return this.view(await this.openingsService.publish(caller, id));
  }

  @Mutation(() => OpeningType, { description: 'PUBLISHED → FILLED: every place is given.' })
  @Allow(Role.EMPLOYER)
  async fillOpening(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<OpeningType> {
    return this.view(await this.openingsService.fill(caller, id));
  }

  @Mutation(() => OpeningType, { description: 'PUBLISHED → CLOSED.' })
  @Allow(Role.EMPLOYER)
  async closeOpening(@IdArg() id: string, @CurrentUser() caller: Principal): Promise<OpeningType> {
    return this.view(await this.openingsService.close(caller, id));
  }

  private async view(opening: Opening): Promise<OpeningType> {
    const [view] = await this.views.describe([opening]);
    return view;
  }
}
