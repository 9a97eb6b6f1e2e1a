import { Field, ObjectType } from '@nestjs/graphql';

/**
 * A file to save or print, returned through GraphQL like every other read, so one guard decides who gets it: the
 * client turns `content` into a Blob named `fileName`.
 */
@ObjectType('Download', { description: 'A file for the client to save or print.' })
export class Download {
  @Field({ description: 'Suggested file name, ASCII, with its extension.' })
  fileName!: string;

  @Field({
    description: 'MIME type with charset, e.g. `text/csv; charset=utf-8` or `text/html; charset=utf-8`.',
  })
  contentType!: string;

  @Field({ description: 'The whole file as text (UTF-8).' })
  content!: string;
}
