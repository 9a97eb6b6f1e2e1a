module.exports = require('./global-hooks.cjs').teardown;
