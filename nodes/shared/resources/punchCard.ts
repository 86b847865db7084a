import type { FieldSpec, ResourceSpec } from '../spec';
import { customerIdField, pathIdField, vatRateField } from './sharedFields';
import { issuedPunchCardRecord, punchCardRecord } from './records';

// The docs' scope table has no punch-card scope, so every operation here has `scope: null`.

const punchCardId = pathIdField(
	'punchCardId',
	'Punch Card',
	'pcd_',
	'The punch card to use',
	'punchCard',
);

const issuedPunchCardId: FieldSpec = {
	// The spec misspells this path parameter as `punchCaissuedPunchCardIdrdId`.
	name: 'issuedPunchCardId',
	label: 'Issued Punch Card ID',
	type: 'id',
	idPrefix: 'pcb_',
	placeholder: 'pcb_...',
	required: true,
	description: 'ID of the card issued to a customer, from Get Many Issued Cards or Issue Card',
};

const forSale: FieldSpec = {
	name: 'forSale',
	label: 'For Sale',
	type: 'boolean',
	default: false,
	description:
		'Whether customers can buy the card in the portal; if on, Price and VAT Rate are required',
};

const saleFields: FieldSpec[] = [
	{
		name: 'price',
		label: 'Price',
		type: 'money',
		placeholder: '12.95',
		description: 'Price in EUR including VAT, e.g. 12.95; required when For Sale is on',
	},
	vatRateField('VAT percentage of the price; required when For Sale is on', false),
];

export const punchCard: ResourceSpec = {
	value: 'punchCard',
	name: 'Punch Card',
	noun: 'punch card',
	record: punchCardRecord,
	simplified: ['id', 'name', 'punches', 'punchLabel', 'forSale', 'price', 'createdAt'],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a punch card',
			description:
				'Create a punch card type, e.g. 10 lessons, that can be issued to customers or sold in the portal',
			method: 'POST',
			path: '/punch-cards',
			scope: null,
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					name: 'name',
					label: 'Name',
					type: 'string',
					required: true,
					description: 'Name of the punch card',
				},
				{
					name: 'punches',
					label: 'Punches',
					type: 'integer',
					required: true,
					minValue: 1,
					description: 'Number of punches on a card',
				},
				{
					name: 'punchLabel',
					label: 'Punch Label',
					type: 'string',
					required: true,
					placeholder: 'lessons',
					description: 'What one punch stands for, e.g. lessons',
				},
				{
					name: 'description',
					label: 'Description',
					type: 'string',
					description: 'Description of the punch card',
				},
				forSale,
				...saleFields,
				{
					// Documented as a string, but the docs' example and the response use an integer.
					name: 'expiryValue',
					label: 'Expiry Value',
					type: 'integer',
					minValue: 1,
					description:
						'Number of periods after which an issued card expires; leave out for cards that never expire',
				},
				{
					name: 'expirePeriod',
					label: 'Expire Period',
					type: 'options',
					options: [
						{ name: 'Days', value: 'days' },
						{ name: 'Months', value: 'months' },
						{ name: 'Years', value: 'years' },
					],
					default: 'months',
					description:
						'Unit of Expiry Value. Note that the API returns this as "expiryPeriode", not "expirePeriod".',
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a punch card',
			description: 'Get one punch card type by ID, with its punches, price and expiry',
			method: 'GET',
			path: '/punch-cards/{punchCardId}',
			scope: null,
			pathParams: [punchCardId],
			response: 'record',
		},
		{
			value: 'getIssued',
			name: 'Get Issued Card',
			action: 'Get an issued punch card',
			description:
				'Get one card issued to a customer, with its punches left, status and expiry date',
			method: 'GET',
			path: '/punch-cards/{punchCardId}/issued/{issuedPunchCardId}',
			scope: null,
			pathParams: [punchCardId, issuedPunchCardId],
			response: 'record',
			returns: { noun: 'issued punch card', record: issuedPunchCardRecord },
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many punch cards',
			description: 'List punch card types (not the cards issued to customers)',
			method: 'GET',
			path: '/punch-cards',
			scope: null,
			response: 'pages',
		},
		{
			value: 'getManyIssued',
			name: 'Get Many Issued Cards',
			action: 'Get many issued punch cards',
			description:
				'List the cards of one punch card type that were issued to or bought by customers',
			method: 'GET',
			path: '/punch-cards/{punchCardId}/issued',
			scope: null,
			pathParams: [punchCardId],
			response: 'pages',
			returns: { noun: 'issued punch card', record: issuedPunchCardRecord },
		},
		{
			value: 'issue',
			name: 'Issue Card',
			action: 'Issue a punch card to a customer',
			description: 'Give a customer a new card of this punch card type',
			// The docs show this operation's parameters but not its URL line; method and path are inferred.
			method: 'POST',
			path: '/punch-cards/{punchCardId}/issued',
			scope: null,
			pathParams: [punchCardId],
			bodyType: 'json',
			response: 'record',
			returns: { noun: 'issued punch card', record: issuedPunchCardRecord },
			fields: [customerIdField('The customer to issue the card to')],
		},
		{
			value: 'stamp',
			name: 'Stamp Issued Card',
			action: 'Stamp an issued punch card',
			description:
				"Use one or more punches of a customer's issued card, e.g. when they attend a lesson",
			method: 'POST',
			path: '/punch-cards/{punchCardId}/issued/{issuedPunchCardId}/stamp',
			scope: null,
			pathParams: [punchCardId, issuedPunchCardId],
			bodyType: 'json',
			response: 'record',
			returns: { noun: 'issued punch card', record: issuedPunchCardRecord },
			fields: [
				{
					name: 'stamps',
					label: 'Stamps',
					type: 'integer',
					required: true,
					default: 1,
					minValue: 1,
					description: 'Number of punches to use',
				},
			],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a punch card',
			description:
				'Change whether a punch card type is for sale and at what price; nothing else can be changed',
			method: 'PATCH',
			path: '/punch-cards/{punchCardId}',
			scope: null,
			pathParams: [punchCardId],
			bodyType: 'json',
			response: 'record',
			fields: [{ ...forSale, required: true }, ...saleFields],
			// Setting the same sale settings twice leaves the same punch card.
			idempotent: true,
		},
	],
};
