/**
 * The trigger's events, as data. Each names the list it watches and a rule:
 *
 * - `new`: a record appeared in the list (ordered by `list.tsField`, see poll/scan.ts);
 * - `changed`: a watched field of a record changed (to one of `to`, when given);
 * - `newChild`: a record appeared in a sub-list of a record of the list (payments of a payment
 *   link, issued cards of a punch card), see poll/children.ts.
 *
 * A list's path, scope, action and noun come from the resource's list operation
 * (nodes/shared/resources); the timestamp field, the window flag and the rules are the trigger's.
 */
import { resources } from '../shared';
import type { OperationSpec, ResourceSpec } from '../shared';

/** A value test: the field is one of `to`, or (`'set'`) it is neither null nor empty. */
export interface Condition {
	field: string;
	to: readonly (string | number | boolean)[] | 'set';
}

export interface ListSpec {
	/** Path under the API base, e.g. `/customers` (from the list operation). */
	path: string;
	/** Scope named in the error when the credential lacks it (from the list operation). */
	scope: string | null;
	/** What errors call the request, e.g. `Get many customers` (the list operation's action). */
	action: string;
	/** Singular noun for messages, e.g. `customer invoice` (the resource's). */
	noun: string;
	/** The timestamp the records are created in order of: `createdAt`, except where noted. */
	tsField: string;
	/**
	 * `GET /appointments`, the one list that is not paginated: it returns the appointments
	 * starting in a time window instead (see poll/window.ts).
	 */
	window?: true;
}

/** A list under one record of another list, e.g. `/payment-links/{linkId}/payments`. */
export interface SubListSpec extends ListSpec {
	/** The path parameter that takes the parent's id, e.g. `linkId`. */
	parentParam: string;
	/** The parent resource's noun, e.g. `payment link` (a 404 names the parent). */
	parentNoun: string;
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
			subList: SubListSpec;
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

function resource(value: string): ResourceSpec {
	const found = resources.find((candidate) => candidate.value === value);
	if (!found) throw new Error(`The trigger watches an unknown resource "${value}"`);
	return found;
}

function operationOf(from: ResourceSpec, test: (op: OperationSpec) => boolean): OperationSpec {
	const operation = from.operations.find((op) => op.method === 'GET' && test(op));
	if (!operation) throw new Error(`The ${from.value} resource has no list for the trigger`);
	return operation;
}

/**
 * The list a resource's Get Many operation reads: paginated (`pages`), or for the window list
 * (appointments) the unpaginated `dataList`.
 */
function list(value: string, own: { tsField?: string; window?: true } = {}): ListSpec {
	const from = resource(value);
	const response = own.window ? 'dataList' : 'pages';
	const { path, scope, action } = operationOf(
		from,
		(op) => op.response === response && !op.pathParams?.length,
	);
	return { path, scope, action, noun: from.noun, ...own, tsField: own.tsField ?? 'createdAt' };
}

/** A paginated sub-list: the parent resource's operation `operationValue`, under one parent. */
function subList(
	parent: string,
	operationValue: string,
	own: { tsField: string; noun: string },
): SubListSpec {
	const from = resource(parent);
	const { path, scope, action, pathParams } = operationOf(
		from,
		(op) => op.value === operationValue && op.response === 'pages' && op.pathParams?.length === 1,
	);
	return { path, scope, action, ...own, parentParam: pathParams![0].name, parentNoun: from.noun };
}

const customers = list('customer');
const customerGroups = list('customerGroup');
const invoices = list('customerInvoice');
const offers = list('customerOffer');
const tickets = list('ticket');
const paymentLinks = list('paymentLink');
const appointments = list('appointment', { window: true });
const subscriptions = list('customerSubscription');
const agreements = list('agreement');
const fileRequests = list('fileRequest');
const fileShares = list('fileShare');
const punchCards = list('punchCard');
// MijnKlantportaal's own invoices have no createdAt; they are issued in order of `issuedAt`.
const mkpInvoices = list('mkpInvoice', { tsField: 'issuedAt' });

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
			subList: subList('paymentLink', 'getPayments', { tsField: 'createdAt', noun: 'payment' }),
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
			subList: subList('punchCard', 'getManyIssued', {
				tsField: 'issuedAt',
				noun: 'issued punch card',
			}),
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
