'use strict';
// HTML of the OAuth consent and error pages. Plain server-rendered forms, so a browser, a headless
// test or a simple form POST can all complete the flow.

const SCOPE_TEXT = {
	'agreements.read': 'Read agreements and their documents',
	'agreements.write': 'Create and delete agreements',
	'appointments.read': 'Read appointments',
	'appointments.write': 'Schedule, change and cancel appointments',
	'businessoperations.read': 'Read the invoices MijnKlantportaal sent to you',
	'customers.read': 'Read customers and customer groups',
	'customers.write': 'Create, edit and delete customers and customer groups',
	'files.read': 'Read and download files',
	'files.write': 'Upload and delete files',
	'filerequest.read': 'Read file requests',
	'filerequest.write': 'Create and delete file requests',
	'fileshare.read': 'Read file shares',
	'fileshare.write': 'Share files with customers or via a public link',
	'offers.read': 'Read offers and their PDF',
	'offers.write': 'Create offers and mark them accepted or declined',
	'invoices.read': 'Read customer invoices and their PDF',
	'paymentlinks.read': 'Read payment links and their payments',
	'paymentlinks.write': 'Create and close payment links',
	'subscription.read': 'Read subscriptions',
	'subscription.write': 'Create, edit and delete subscriptions',
	'tickets.read': 'Read support tickets',
	'tickets.write': 'Reply to and close tickets',
	'webhooks.read': 'Read webhooks',
	'webhooks.write': 'Create and delete webhooks',
};

/** @param {unknown} value */
function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function layout(title, content) {
	return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${esc(title)} - MijnKlantportaal</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}li code{color:#555}button{margin-right:1rem;padding:.5rem 1.5rem}</style>
</head>
<body>
${content}
</body>
</html>
`;
}

/** @param {{ appName: string, scopes: string[], query: Record<string, string> }} options */
function consentPage({ appName, scopes, query }) {
	const login = query.prompt === 'login';
	const hidden = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'prompt']
		.filter((name) => query[name] !== undefined)
		.map((name) => `<input type="hidden" name="${name}" value="${esc(query[name])}">`)
		.join('\n');
	const loginStep = login
		? `<fieldset id="login-step" data-step="login">
<legend>Sign in to MijnKlantportaal</legend>
<label>Email <input type="email" name="email" autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
</fieldset>`
		: '';
	return layout(
		`Authorize ${appName}`,
		`<h1>Authorize <span id="app-name">${esc(appName)}</span></h1>
<p><strong>${esc(appName)}</strong> wants to access your MijnKlantportaal account with these permissions:</p>
<ul id="scopes">
${scopes.map((s) => `<li data-scope="${esc(s)}"><code>${esc(s)}</code> ${esc(SCOPE_TEXT[s])}</li>`).join('\n')}
</ul>
<form id="consent" method="post" action="/oauth/authorize" data-prompt="${login ? 'login' : 'consent'}">
${hidden}
${loginStep}
<button type="submit" name="decision" value="approve" id="approve">Approve</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form>`,
	);
}

function errorPage(title, message) {
	return layout(title, `<h1>${esc(title)}</h1>\n<p id="error">${esc(message)}</p>`);
}

module.exports = { consentPage, errorPage, SCOPE_TEXT };
