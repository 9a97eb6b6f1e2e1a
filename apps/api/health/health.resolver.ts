import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Public } from '#libs/access-control';

@ObjectType()
export class Health {
  @Field()
  status!: string;
}

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness over GraphQL; readiness is GET /health/ready.' })
  @Public()
  health(): Health {
    return { status: 'ok' };
  }
}
