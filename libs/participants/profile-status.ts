import { registerEnumType } from '@nestjs/graphql';

/** DRAFT → PUBLISHED (needs consent) → PAUSED | PLACED → ARCHIVED. Only PUBLISHED profiles reach employers. */
export enum ProfileStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  PAUSED = 'PAUSED',
  PLACED = 'PLACED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(ProfileStatus, { name: 'ProfileStatus' });
