import { runMigrations } from '#libs/database';

// `node dist/scripts/migrate.js`: applies pending migrations to DATABASE_URL. Deployments run it before api and worker.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
const applied = await runMigrations(url);
console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Database schema is up to date.');
