import { randomBytes } from 'node:crypto';

/** A pseudonym such as `MB-7K3F9Q2X`: random, so it says nothing about the person or the database. */
export function newPublicId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `MB-${[...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}
