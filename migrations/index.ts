import type { MigrationInterface } from 'typeorm';
import { Foundation1795425946839 } from './1795425946839-Foundation.js';

type MigrationClass = new () => MigrationInterface;

/** Every migration, oldest first. A test fails when a file in this folder is missing here. */
export const migrations: MigrationClass[] = [Foundation1795425946839];
