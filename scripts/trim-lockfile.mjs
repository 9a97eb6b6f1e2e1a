// The registry mirror our machines use lacks the binaries of other platforms (darwin, win32 …), so `npm install`
// leaves them out of package-lock.json while still listing them as optional dependencies, and `npm ci` then
// refuses the lockfile. Dropping those dangling optional entries makes the lockfile consistent again.
// Runs as the root `postinstall`; a no-op when there is nothing to drop.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let dropped = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) {
      delete entry.optionalDependencies[name];
      dropped++;
    }
  }
}
if (dropped > 0) writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
