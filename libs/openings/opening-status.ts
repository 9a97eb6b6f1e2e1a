import { registerEnumType } from '@nestjs/graphql';

/** DRAFT → PUBLISHED → FILLED | CLOSED. Only PUBLISHED openings are matched and shown to coaches. */
export enum OpeningStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  FILLED = 'FILLED',
  CLOSED = 'CLOSED',
}

registerEnumType(OpeningStatus, { name: 'OpeningStatus' });
