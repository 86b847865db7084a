'use strict';
const { scope } = require('../scopes');
const { check, findOr404 } = require('../validate');
const { atom, DAY, publicFields } = require('../format');

const hasCustomer = (input) => input.customerId !== undefined && input.customerId !== null && input.customerId !== '';

const CREATE = {
	name: { type: 'string', required: true, max: 255 },
	startsAt: { type: 'datetimeLoose', required: true },
	endsAt: { type: 'datetimeLoose', required: true },
	customerId: { type: 'string', exists: 'customers' },
	attendeeName: { type: 'string', max: 255, required: (input) => !hasCustomer(input), requiredMessage: 'The :a field is required when customer id is not present.' },
	attendeeEmail: { type: 'email', required: (input) => !hasCustomer(input), requiredMessage: 'The :a field is required when customer id is not present.' },
};
const LIST = {
	start_at: { type: 'datetimeLoose' },
	days: { type: 'integer', min: 1 },
};

/** The calendar title (`name`) is stored but is not part of the documented Appointment object. */
const present = (record) => publicFields(record);
const startsAtMs = (record) => record._startsAtMs ?? Date.parse(record.startsAt);

const routes = [
	{
		// Not paginated: `{data: [...]}`, appointments starting in [start_at, start_at + days).
		method: 'GET', path: '/appointments', scope: scope('appointments.read'), op: 'appointment.getAll',
		handler(ctx) {
			const q = check(ctx.query, LIST, ctx.store);
			const from = q.start_at ?? Math.floor(ctx.now() / 60_000) * 60_000;
			const to = from + (q.days ?? 7) * DAY;
			const found = ctx.store.collection('appointments').all().filter((a) => {
				const t = startsAtMs(a);
				return t >= from && t < to;
			});
			found.sort((a, b) => startsAtMs(a) - startsAtMs(b));
			return { data: found.map(present) };
		},
	},
	{
		method: 'POST', path: '/appointments', scope: scope('appointments.write'), op: 'appointment.create',
		handler(ctx) {
			const v = check(ctx.body, CREATE, ctx.store, (values, fail) => {
				if (values.startsAt !== undefined && values.endsAt !== undefined && values.endsAt <= values.startsAt) {
					fail('endsAt', 'The :a field must be a date after starts at.');
				}
			});
			const customer = v.customerId ? ctx.store.collection('customers').get(v.customerId) : null;
			return present(ctx.store.collection('appointments').insert({
				id: ctx.store.newId('apt_', 'appointments'),
				customerId: customer ? customer.id : null,
				attendeeName: v.attendeeName ?? customer.companyName,
				attendeeEmail: v.attendeeEmail ?? customer.primaryEmail,
				startsAt: atom(v.startsAt),
				endsAt: atom(v.endsAt),
				// Made by the portal owner, so it needs no confirmation (pending is for customer requests).
				status: 'scheduled',
				onlineMeetingLink: null,
				createdAt: atom(ctx.now()),
				_name: v.name,
				_startsAtMs: v.startsAt,
			}));
		},
	},
	{
		method: 'GET', path: '/appointments/{appointmentId}', scope: scope('appointments.read'), op: 'appointment.get',
		handler: (ctx) => present(findOr404(ctx.store, 'appointments', ctx.params.appointmentId)),
	},
	{
		method: 'PATCH', path: '/appointments/{appointmentId}', scope: scope('appointments.write'), op: 'appointment.changeStatus',
		handler(ctx) {
			const appointment = findOr404(ctx.store, 'appointments', ctx.params.appointmentId);
			const v = check(ctx.body, { status: { type: 'string', required: true, enum: ['scheduled', 'canceled'] } }, ctx.store);
			return present(ctx.store.collection('appointments').update(appointment.id, { status: v.status }));
		},
	},
];

module.exports = { routes, present };
