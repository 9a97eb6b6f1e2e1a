// Jest loads global setup/teardown as CommonJS through its transformer, without moduleNameMapper, so the
// ESM-style `./x.js` imports of our TypeScript would not resolve. Map them to the `.ts` files, then load the hooks.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveTypeScript(request, parent, ...rest) {
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    if (!request.startsWith('.') || !request.endsWith('.js')) throw error;
    return resolve.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
  }
};

module.exports = {
  setup: require('./global-setup.ts').default,
  teardown: require('./global-teardown.ts').default,
};
