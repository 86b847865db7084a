import type { ResourceSpec } from '../spec';
import { pathIdField } from './sharedFields';
import { ticketRecord, ticketSummaryRecord } from './records';

const ticketId = pathIdField('ticketId', 'Ticket', 'tic_', 'The ticket to use', 'ticket');

export const ticket: ResourceSpec = {
	value: 'ticket',
	name: 'Ticket',
	noun: 'ticket',
	record: ticketRecord,
	simplified: ['id', 'customerId', 'title', 'status', 'messages', 'createdAt'],
	operations: [
		{
			value: 'addMessage',
			name: 'Add Message',
			action: 'Add a message to a ticket',
			description:
				'Reply to a support ticket as an employee; reopens a closed ticket. Not possible on live-chat tickets.',
			method: 'POST',
			path: '/tickets/{ticketId}',
			scope: 'tickets.write',
			pathParams: [ticketId],
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					name: 'message',
					label: 'Message',
					type: 'string',
					required: true,
					description: 'Text of the reply; HTML is allowed',
				},
			],
		},
		{
			value: 'close',
			name: 'Close',
			action: 'Close a ticket',
			description: 'Close a support ticket (it is kept, not deleted); a later reply reopens it',
			method: 'PATCH',
			path: '/tickets/{ticketId}',
			scope: 'tickets.write',
			pathParams: [ticketId],
			// The request has no body.
			response: 'record',
			// Closing a closed ticket leaves it closed.
			idempotent: true,
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a ticket',
			description: 'Get one support ticket by ID, with all its messages',
			method: 'GET',
			path: '/tickets/{ticketId}',
			scope: 'tickets.read',
			pathParams: [ticketId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many tickets',
			description: 'List support tickets with title, source and status, without their messages',
			method: 'GET',
			path: '/tickets',
			scope: 'tickets.read',
			response: 'pages',
			returns: { noun: 'ticket', record: ticketSummaryRecord },
		},
	],
};
