import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { postgresOptions } from './postgres-options.js';

/**
 * Data source for the TypeORM CLI (`npm run migration:generate`, `migration:run`, `migration:revert`),
 * loaded from the compiled `dist/`. Application code uses DatabaseModule instead.
 */
const distRoot = fileURLToPath(new URL('../..', import.meta.url));

export default new DataSource({
  ...postgresOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/matchbron'),
  entities: [`${distRoot}/libs/**/*.entity.js`],
});
