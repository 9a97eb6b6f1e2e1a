import { Injectable, type PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { AppError } from '#libs/errors';

@Injectable()
class IdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly argument: string) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !isUUID(value))
      throw AppError.badInput(this.argument, 'is not a valid id');
    return value;
  }
}

/** An `ID!` argument holding one of our ids; anything else is BAD_USER_INPUT before the resolver runs. */
export const IdArg = (name = 'id') => Args(name, { type: () => ID }, new IdPipe(name));
