/**
 * The trigger's events, as data. Each names the list it watches and a rule:
 *
 * - `new`: a record appeared in the list (ordered by `list.tsField`, see poll/scan.ts);
 * - `changed`: a watched field of a record changed (to one of `to`, when given);
 * - `newChild`: a record appeared in a sub-list of a record of the list (payments of a payment
 *   link, issued cards of a punch card), see poll/children.ts.
 *
 * `list.window` marks `GET /appointments`, the one list that is not paginated: it returns the
 * appointments starting in a time window instead (see poll/window.ts).
 */

/** A value test: the field is one of `to`, or (`'set'`) it is neither null nor empty. */
export interface Condition {
	field: string;
	to: readonly (string | number | boolean)[] | 'set';
}

export interface ListSpec {
	/** Path under the API base, e.g. `/customers`. */
	path: string;
	/** The timestamp the records are created in order of: `createdAt`, except where noted. */
	tsField: string;
	/** Scope named in the error when the credential lacks it. */
	scope: string | null;
	/** Singular noun for messages, e.g. `customer invoice`. */
	noun: string;
	/** Unpaginated time-window list (appointments). */
	window?: true;
}

export type EventRule =
	| { kind: 'new' }
	| {
			kind: 'changed';
			field: string;
			/** Values that make the change an event; absent = every change of the field. */
			to?: Condition['to'];
			/**
			 * States in which a record is no longer watched (bounds the state). Default: `[{field, to}]`
			 * when `to` is given, none otherwise. A record that leaves such a state (a closed ticket that
			 * is reopened) is watched again when the next pass sees it.
			 */
			final?: readonly Condition[];
	  }
	| {
			kind: 'newChild';
			/** Sub-list path with `{id}` for the parent's id. */
			childPath: string;
			childTsField: string;
			childNoun: string;
			/** Parents whose sub-list can still grow; absent = every parent. */
			activeWhile?: Condition;
	  };

export interface TriggerEvent {
	value: string;
	name: string;
	description: string;
	list: ListSpec;
	rule: EventRule;
}

const customers: ListSpec = {
	path: '/customers',
	tsField: 'createdAt',
	scope: 'customers.read',
	noun: 'customer',
};
const customerGroups: ListSpec = {
	path: '/customer-groups',
	tsField: 'createdAt',
	scope: 'customers.read',
	noun: 'customer group',
};
const invoices: ListSpec = {
	path: '/customer-invoices',
	tsField: 'createdAt',
	scope: 'invoices.read',
	noun: 'customer invoice',
};
const offers: ListSpec = {
	path: '/customer-offers',
	tsField: 'createdAt',
	scope: 'offers.read',
	noun: 'offer',
};
const tickets: ListSpec = {
	path: '/tickets',
	tsField: 'createdAt',
	scope: 'tickets.read',
	noun: 'ticket',
};
const paymentLinks: ListSpec = {
	path: '/payment-links',
	tsField: 'createdAt',
	scope: 'paymentlinks.read',
	noun: 'payment link',
};
const appointments: ListSpec = {
	path: '/appointments',
	tsField: 'createdAt',
	scope: 'appointments.read',
	noun: 'appointment',
	window: true,
};
const subscriptions: ListSpec = {
	path: '/customer-subscriptions',
	tsField: 'createdAt',
	scope: 'subscription.read',
	noun: 'subscription',
};
const agreements: ListSpec = {
	path: '/agreements',
	tsField: 'createdAt',
	scope: 'agreements.read',
	noun: 'agreement',
};
const fileRequests: ListSpec = {
	path: '/file-requests',
	tsField: 'createdAt',
	scope: 'filerequest.read',
	noun: 'file request',
};
const fileShares: ListSpec = {
	path: '/file-shares',
	tsField: 'createdAt',
	scope: 'fileshare.read',
	noun: 'file share',
};
const punchCards: ListSpec = {
	path: '/punch-cards',
	tsField: 'createdAt',
	scope: null,
	noun: 'punch card',
};
// MijnKlantportaal's own invoices have no createdAt; they are issued in order of `issuedAt`.
const mkpInvoices: ListSpec = {
	path: '/invoices',
	tsField: 'issuedAt',
	scope: 'businessoperations.read',
	noun: 'MijnKlantportaal invoice',
};

const OFFER_DECIDED: readonly Condition[] = [
	{ field: 'acceptedAt', to: 'set' },
	{ field: 'rejectedAt', to: 'set' },
];
const LINK_DONE: readonly Condition[] = [{ field: 'status', to: ['paid', 'expired', 'closed'] }];

/** Every event, in alphabetical order of `name`. */
export const triggerEvents: TriggerEvent[] = [
	{
		value: 'agreementCreated',
		name: 'Agreement Created',
		description: 'An agreement was sent for signing',
		list: agreements,
		rule: { kind: 'new' },
	},
	{
		value: 'agreementSigned',
		name: 'Agreement Signed',
		description: 'An agreement changed to status signed',
		list: agreements,
		rule: { kind: 'changed', field: 'status', to: ['signed'] },
	},
	{
		value: 'appointmentCreated',
		name: 'Appointment Created',
		description: 'An appointment was scheduled or requested (within the look-ahead window)',
		list: appointments,
		rule: { kind: 'new' },
	},
	{
		value: 'appointmentStatusChanged',
		name: 'Appointment Status Changed',
		description: 'An appointment changed status (scheduled, pending, canceled)',
		list: appointments,
		rule: { kind: 'changed', field: 'status' },
	},
	{
		value: 'customerCreated',
		name: 'Customer Created',
		description: 'A customer was created',
		list: customers,
		rule: { kind: 'new' },
	},
	{
		value: 'customerGroupCreated',
		name: 'Customer Group Created',
		description: 'A customer group was created',
		list: customerGroups,
		rule: { kind: 'new' },
	},
	{
		value: 'customerInvoiceCreated',
		name: 'Customer Invoice Created',
		description: 'An invoice to a customer was created',
		list: invoices,
		rule: { kind: 'new' },
	},
	{
		value: 'customerInvoicePaid',
		name: 'Customer Invoice Paid',
		description: 'An invoice to a customer got a paid date (paidAt)',
		list: invoices,
		rule: { kind: 'changed', field: 'paidAt', to: 'set' },
	},
	{
		value: 'fileRequestCompleted',
		name: 'File Request Completed',
		description: 'A file request got a completed date (completedAt)',
		list: fileRequests,
		rule: { kind: 'changed', field: 'completedAt', to: 'set' },
	},
	{
		value: 'fileRequestCreated',
		name: 'File Request Created',
		description: 'A file request was created',
		list: fileRequests,
		rule: { kind: 'new' },
	},
	{
		value: 'fileShareCreated',
		name: 'File Share Created',
		description: 'Files were shared with a customer or by public link',
		list: fileShares,
		rule: { kind: 'new' },
	},
	{
		value: 'mkpInvoiceCreated',
		name: 'MijnKlantportaal Invoice Created',
		description: 'MijnKlantportaal issued an invoice to your account',
		list: mkpInvoices,
		rule: { kind: 'new' },
	},
	{
		value: 'mkpInvoicePaid',
		name: 'MijnKlantportaal Invoice Paid',
		description: 'An invoice of MijnKlantportaal to your account was marked paid (isPaid)',
		list: mkpInvoices,
		rule: { kind: 'changed', field: 'isPaid', to: [true] },
	},
	{
		value: 'offerAccepted',
		name: 'Offer Accepted',
		description: 'An offer got an accepted date (acceptedAt)',
		list: offers,
		rule: { kind: 'changed', field: 'acceptedAt', to: 'set', final: OFFER_DECIDED },
	},
	{
		value: 'offerCreated',
		name: 'Offer Created',
		description: 'An offer was created',
		list: offers,
		rule: { kind: 'new' },
	},
	{
		value: 'offerRejected',
		name: 'Offer Rejected',
		description: 'An offer got a rejected date (rejectedAt)',
		list: offers,
		rule: { kind: 'changed', field: 'rejectedAt', to: 'set', final: OFFER_DECIDED },
	},
	{
		value: 'paymentLinkClosed',
		name: 'Payment Link Closed',
		description: 'A payment link changed to status closed',
		list: paymentLinks,
		rule: { kind: 'changed', field: 'status', to: ['closed'], final: LINK_DONE },
	},
	{
		value: 'paymentLinkCreated',
		name: 'Payment Link Created',
		description: 'A payment link was created',
		list: paymentLinks,
		rule: { kind: 'new' },
	},
	{
		value: 'paymentLinkExpired',
		name: 'Payment Link Expired',
		description: 'A payment link changed to status expired',
		list: paymentLinks,
		rule: { kind: 'changed', field: 'status', to: ['expired'], final: LINK_DONE },
	},
	{
		value: 'paymentLinkPaid',
		name: 'Payment Link Paid',
		description: 'A payment link changed to status paid',
		list: paymentLinks,
		rule: { kind: 'changed', field: 'status', to: ['paid'], final: LINK_DONE },
	},
	{
		value: 'paymentLinkPaymentCreated',
		name: 'Payment Link Payment Created',
		description: 'A payment (paid, failed, …) was made on a payment link',
		list: paymentLinks,
		rule: {
			kind: 'newChild',
			childPath: '/payment-links/{id}/payments',
			childTsField: 'createdAt',
			childNoun: 'payment',
			// Payments are made on open links only; a link that leaves `open` gets one last look.
			activeWhile: { field: 'status', to: ['open'] },
		},
	},
	{
		value: 'punchCardCreated',
		name: 'Punch Card Created',
		description: 'A punch card type was created',
		list: punchCards,
		rule: { kind: 'new' },
	},
	{
		value: 'punchCardIssued',
		name: 'Punch Card Issued',
		description: 'A punch card was issued to a customer',
		list: punchCards,
		rule: {
			kind: 'newChild',
			childPath: '/punch-cards/{id}/issued',
			childTsField: 'issuedAt',
			childNoun: 'issued punch card',
		},
	},
	{
		value: 'subscriptionCreated',
		name: 'Subscription Created',
		description: 'A customer subscription was created',
		list: subscriptions,
		rule: { kind: 'new' },
	},
	{
		value: 'subscriptionStatusChanged',
		name: 'Subscription Status Changed',
		description: 'A customer subscription changed status (planned, in progress, terminated, ended)',
		list: subscriptions,
		rule: { kind: 'changed', field: 'status', final: [{ field: 'status', to: ['ended'] }] },
	},
	{
		value: 'ticketClosed',
		name: 'Ticket Closed',
		description: 'A support ticket changed to status closed (again, after a reopen)',
		list: tickets,
		rule: { kind: 'changed', field: 'status', to: ['closed'] },
	},
	{
		value: 'ticketCreated',
		name: 'Ticket Created',
		description: 'A support ticket was opened',
		list: tickets,
		rule: { kind: 'new' },
	},
];

export function eventByValue(value: string): TriggerEvent | undefined {
	return triggerEvents.find((event) => event.value === value);
}

/** Whether a record's field passes a condition. */
export function meets(record: Record<string, unknown>, condition: Condition): boolean {
	const value = record[condition.field];
	if (condition.to === 'set') return value !== null && value !== undefined && value !== '';
	return condition.to.some((to) => to === value);
}
