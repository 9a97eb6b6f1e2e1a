// Runs before `npm start` and `npm test` on any machine, fresh clone included: installs the dependencies when
// they are missing or older than package-lock.json, and with --build compiles the TypeScript (incrementally).
// Plain JavaScript with no dependencies, because it runs before any are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: Matchbron needs Node 20.19 or newer.`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

// npm writes node_modules/.package-lock.json after every install: older than the lockfile means stale.
const installed = mtime('node_modules/.package-lock.json');
if (installed === 0 || installed < mtime('package-lock.json') || installed < mtime('package.json')) {
  console.log('Installing dependencies…');
  run(
    'npm',
    existsSync('package-lock.json')
      ? ['ci', '--no-audit', '--no-fund']
      : ['install', '--no-audit', '--no-fund'],
  );
}

if (process.argv.includes('--build')) {
  console.log('Compiling…');
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
}
