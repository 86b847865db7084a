/** The 24 scopes of the OAuth scope table, which API keys use too. */
export const SCOPES: Array<{ value: string; description: string }> = [
	{ value: 'agreements.read', description: 'Read agreements and their documents' },
	{ value: 'agreements.write', description: 'Create and delete agreements' },
	{ value: 'appointments.read', description: 'Read planned and pending appointments' },
	{ value: 'appointments.write', description: 'Schedule, change and cancel appointments' },
	{ value: 'businessoperations.read', description: 'Read the invoices MijnKlantportaal sends you' },
	{ value: 'customers.read', description: 'Read customers and customer groups' },
	{
		value: 'customers.write',
		description: 'Create, edit and delete customers and customer groups',
	},
	{ value: 'filerequest.read', description: 'Read file requests and delivered-file records' },
	{ value: 'filerequest.write', description: 'Create and delete file requests' },
	{ value: 'files.read', description: 'Read and download files' },
	{ value: 'files.write', description: 'Upload and delete files' },
	{ value: 'fileshare.read', description: 'Read file shares' },
	{ value: 'fileshare.write', description: 'Share files with customers or by public link' },
	{ value: 'invoices.read', description: 'Read customer invoices and their PDF' },
	{ value: 'offers.read', description: 'Read offers and their PDF' },
	{ value: 'offers.write', description: 'Create offers and mark them accepted or declined' },
	{ value: 'paymentlinks.read', description: 'Read payment links and their payments' },
	{ value: 'paymentlinks.write', description: 'Create and close payment links' },
	{ value: 'subscription.read', description: 'Read subscriptions and subscription packages' },
	{ value: 'subscription.write', description: 'Create, edit and delete subscriptions' },
	{ value: 'tickets.read', description: 'Read support tickets' },
	{ value: 'tickets.write', description: 'Reply to and close tickets' },
	{ value: 'webhooks.read', description: 'List and get webhooks' },
	{ value: 'webhooks.write', description: 'Create and delete webhooks' },
];

export const ALL_SCOPES = SCOPES.map((scope) => scope.value);
