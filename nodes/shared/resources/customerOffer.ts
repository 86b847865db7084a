import type { FieldSpec, ResourceSpec } from '../spec';
import {
	amountField,
	customerIdField,
	issuedAtField,
	linesField,
	pathIdField,
	pdfField,
	sendNotificationField,
} from './sharedFields';
import { customerOfferRecord } from './records';

const offerId = pathIdField(
	'offerId',
	'Customer Offer',
	'off_',
	'The customer offer to use',
	'customerOffer',
);

const customerId = customerIdField('The customer the offer is for');

const offerNumber: FieldSpec = {
	name: 'offerNumber',
	label: 'Offer Number',
	type: 'string',
	required: true,
	description: 'Your number of the offer',
};

const issuedAt = issuedAtField('Offer date');

const expiresAt: FieldSpec = {
	name: 'expiresAt',
	label: 'Expires At',
	type: 'date',
	required: true,
	description: 'Last date on which the offer is valid',
};

/** Acceptance and rejection, set when recording an offer or afterwards. */
const decisionFields: FieldSpec[] = [
	{
		name: 'acceptedAt',
		label: 'Accepted At',
		type: 'dateTime',
		description: 'When the customer accepted the offer',
	},
	{
		name: 'acceptedViaIp',
		label: 'Accepted Via IP',
		type: 'ip',
		description: 'IP address the offer was accepted from; ignored without Accepted At',
	},
	{
		name: 'acceptedViaUserAgent',
		label: 'Accepted Via User Agent',
		type: 'string',
		description: 'Browser user agent the offer was accepted with; ignored without Accepted At',
	},
	{
		name: 'rejectedAt',
		label: 'Rejected At',
		type: 'dateTime',
		description: 'When the customer rejected the offer',
	},
];

export const customerOffer: ResourceSpec = {
	value: 'customerOffer',
	name: 'Customer Offer',
	noun: 'customer offer',
	record: customerOfferRecord,
	simplified: [
		'id',
		'customerId',
		'offerNumber',
		'issuedAt',
		'expiresAt',
		'amount',
		'acceptedAt',
		'rejectedAt',
		'createdAt',
	],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer offer',
			description:
				'Add an offer you made elsewhere to the portal, with its PDF; use Create From Lines to have MKP build the offer',
			method: 'POST',
			path: '/customer-offers',
			scope: 'offers.write',
			bodyType: 'multipart',
			response: 'record',
			fields: [
				customerId,
				offerNumber,
				issuedAt,
				expiresAt,
				amountField('Total amount of the offer in EUR, e.g. 12.95'),
				// The published page does not show whether the PDF is required.
				pdfField('Input binary property with the offer PDF', false),
				sendNotificationField,
				...decisionFields,
			],
		},
		{
			value: 'createManual',
			name: 'Create From Lines',
			action: 'Create a customer offer from lines',
			description:
				'Have MKP build an offer from lines (description, amount, VAT); use Create to upload an offer you made yourself',
			method: 'POST',
			path: '/customer-offers/manual',
			scope: 'offers.write',
			bodyType: 'json',
			response: 'record',
			fields: [customerId, offerNumber, issuedAt, expiresAt, linesField, sendNotificationField],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer offer',
			description: 'Get one offer by ID, with its amount and whether it was accepted or rejected',
			method: 'GET',
			path: '/customer-offers/{offerId}',
			scope: 'offers.read',
			pathParams: [offerId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customer offers',
			description: 'List the offers sent to customers',
			method: 'GET',
			path: '/customer-offers',
			scope: 'offers.read',
			response: 'pages',
		},
		{
			value: 'markAcceptedOrRejected',
			name: 'Mark as Accepted or Rejected',
			action: 'Mark a customer offer as accepted or rejected',
			description:
				'Record that the customer accepted (Accepted At) or rejected (Rejected At) an offer; also updates the connected integration',
			method: 'PATCH',
			path: '/customer-offers/{offerId}',
			scope: 'offers.write',
			pathParams: [offerId],
			bodyType: 'json',
			response: 'record',
			fields: decisionFields,
			optionalGroup: 'updateFields',
			// An empty PATCH would change nothing.
			requireOneField: true,
			// Not idempotent: the docs say this also syncs the connected integration, and they do not
			// say a repeat is ignored. A repeat after a lost answer could record the decision there
			// twice, so it is sent again only after a 429 (not processed).
			idempotent: false,
		},
	],
};
