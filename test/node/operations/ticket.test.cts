// Ticket: one case per operation (what every case checks is in ./setup.cts).
import { bodiless, col, get, json, listCase, pub, rl, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	addMessage: {
		endpoint: 'POST /tickets/{ticketId}',
		parameters: (fx) => ({ ticketId: rl(fx.ticket.id), message: '<p>We kijken ernaar.</p>' }),
		requests: (fx) => [json('POST', `/tickets/${fx.ticket.id}`, { message: '<p>We kijken ernaar.</p>' })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toMatchObject({ id: fx.ticket.id, status: 'open' });
			expect(json.messages[json.messages.length - 1]).toMatchObject({ message: '<p>We kijken ernaar.</p>', isPostedByCustomer: false });
		},
	},
	close: {
		endpoint: 'PATCH /tickets/{ticketId}',
		parameters: (fx) => ({ ticketId: rl(fx.ticket.id) }),
		// No body: the API documents none.
		requests: (fx) => [bodiless('PATCH', `/tickets/${fx.ticket.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual({ ...pub(stored('tickets', fx.ticket.id)), status: 'closed' }),
	},
	get: {
		endpoint: 'GET /tickets/{ticketId}',
		parameters: (fx) => ({ ticketId: rl(fx.ticket.id) }),
		requests: (fx) => [get(`/tickets/${fx.ticket.id}`)],
		check: (out, fx) => {
			expect(out[0].json).toEqual(pub(stored('tickets', fx.ticket.id)));
			expect(Array.isArray(out[0].json.messages)).toBe(true);
		},
	},
	getAll: listCase('/tickets', () => col('tickets'), (t) => ({
		id: t.id,
		customerId: t.customerId,
		title: t.title,
		source: t.source,
		status: t.status,
		createdAt: t.createdAt,
	})),
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('ticket', cases);
