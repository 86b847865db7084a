'use strict';
// The route table handed to the core router: every other module in this folder is one resource
// group of the docs, so a new group joins by its file being here.
// Each route's `op` names the node operation it serves, as `resource.operation` in the node's own
// values (test/node/operations/coverage.test.cts checks it); a route that serves none, such as
// `DELETE /webhooks/{id}` for the webhook trigger, is named the same way.
// Create operations answer 200, except `POST /customer-groups` (201, the only create status the
// docs state); the other create statuses are undocumented, so clients must accept any 2xx.
const fs = require('node:fs');

const GROUPS = fs.readdirSync(__dirname).filter((file) => file.endsWith('.js') && file !== 'index.js').sort();

module.exports = GROUPS.flatMap((file) => require(`./${file}`).routes);
