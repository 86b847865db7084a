// Appointment: one case per operation (what every case checks is in ./setup.cts).
import { col, get, json, pub, rl, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	changeStatus: {
		endpoint: 'PATCH /appointments/{appointmentId}',
		parameters: (fx) => ({ appointmentId: rl(fx.appointment.id), status: 'canceled' }),
		requests: (fx) => [json('PATCH', `/appointments/${fx.appointment.id}`, { status: 'canceled' })],
		check: (out, fx) => {
			expect(out[0].json).toMatchObject({ id: fx.appointment.id, status: 'canceled' });
			expect(stored('appointments', fx.appointment.id).status).toBe('canceled');
		},
	},
	create: {
		endpoint: 'POST /appointments',
		parameters: (fx) => ({
			name: 'Intake',
			// An ISO local time as n8n's date picker gives it, and the API's own format without seconds.
			startsAt: '2025-03-05T14:30:00',
			endsAt: '2025-03-05 15:30',
			additionalFields: { customerId: rl(fx.customer.id), attendeeName: 'Eva Bakker', attendeeEmail: 'eva@example.nl' },
		}),
		requests: (fx) => [
			json('POST', '/appointments', {
				name: 'Intake',
				startsAt: '2025-03-05 14:30:00',
				endsAt: '2025-03-05 15:30:00',
				customerId: fx.customer.id,
				attendeeName: 'Eva Bakker',
				attendeeEmail: 'eva@example.nl',
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^apt_/);
			expect(json).toMatchObject({
				customerId: fx.customer.id,
				attendeeName: 'Eva Bakker',
				attendeeEmail: 'eva@example.nl',
				startsAt: '2025-03-05T14:30:00+01:00',
				endsAt: '2025-03-05T15:30:00+01:00',
				status: 'scheduled',
			});
			expect(stored('appointments', json.id)._name).toBe('Intake');
		},
	},
	get: {
		endpoint: 'GET /appointments/{appointmentId}',
		parameters: (fx) => ({ appointmentId: rl(fx.appointment.id) }),
		requests: (fx) => [get(`/appointments/${fx.appointment.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('appointments', fx.appointment.id))),
	},
	getAll: {
		endpoint: 'GET /appointments',
		// The window starts at the fixture's start (an ATOM instant with offset) and lasts one day.
		parameters: (fx) => ({ additionalFields: { start_at: fx.appointment.startsAt, days: 1 } }),
		requests: (fx) => [get('/appointments', { start_at: fx.appointment.startsAt.slice(0, 19).replace('T', ' '), days: '1' })],
		check: (out, fx) => {
			const start = Date.parse(fx.appointment.startsAt);
			const startOf = (a: Rec) => a._startsAtMs ?? Date.parse(a.startsAt);
			const expected = col('appointments')
				.filter((a) => startOf(a) >= start && startOf(a) < start + 86_400_000)
				.sort((a, b) => startOf(a) - startOf(b));
			expect(expected.map((a) => a.id)).toContain(fx.appointment.id);
			expect(out.map((item) => item.json)).toEqual(expected.map(pub));
		},
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('appointment', cases);
