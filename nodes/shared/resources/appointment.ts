import type { ResourceSpec } from '../spec';
import { customerIdField, pathIdField } from './sharedFields';
import { appointmentRecord } from './records';

const appointmentId = pathIdField(
	'appointmentId',
	'Appointment',
	'apt_',
	'The appointment to use',
	'appointment',
);

export const appointment: ResourceSpec = {
	value: 'appointment',
	name: 'Appointment',
	noun: 'appointment',
	record: appointmentRecord,
	simplified: [
		'id',
		'customerId',
		'attendeeName',
		'attendeeEmail',
		'startsAt',
		'endsAt',
		'status',
		'onlineMeetingLink',
	],
	operations: [
		{
			value: 'changeStatus',
			name: 'Change Status',
			action: 'Change the status of an appointment',
			description:
				'Confirm a pending appointment (scheduled) or cancel an appointment (canceled); times cannot be changed',
			method: 'PATCH',
			path: '/appointments/{appointmentId}',
			scope: 'appointments.write',
			pathParams: [appointmentId],
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					name: 'status',
					label: 'Status',
					type: 'options',
					required: true,
					options: [
						{ name: 'Canceled', value: 'canceled', description: 'Cancel the appointment' },
						{ name: 'Scheduled', value: 'scheduled', description: 'Confirm a pending appointment' },
					],
					description: 'New status of the appointment',
				},
			],
			// Setting the same status twice leaves the same appointment.
			idempotent: true,
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create an appointment',
			description:
				'Schedule an appointment in the calendar, with an existing customer or with any attendee by name and email',
			method: 'POST',
			path: '/appointments',
			scope: 'appointments.write',
			bodyType: 'json',
			response: 'record',
			// The docs give the times as `Y-m-d H:i` but their example has seconds (2025-03-05 14:30:00),
			// which is what `dateTime` sends.
			fields: [
				{
					name: 'name',
					label: 'Name',
					type: 'string',
					required: true,
					description: 'Title of the appointment in the calendar (the API does not return it)',
				},
				{
					name: 'startsAt',
					label: 'Starts At',
					type: 'dateTime',
					required: true,
					description: 'Start of the appointment',
				},
				{
					name: 'endsAt',
					label: 'Ends At',
					type: 'dateTime',
					required: true,
					description: 'End of the appointment',
				},
				customerIdField(
					'The customer the appointment is with; leave empty to give an attendee name and email instead',
					false,
				),
				{
					name: 'attendeeName',
					label: 'Attendee Name',
					type: 'string',
					description: 'Name of the attendee; required when no customer is set',
				},
				{
					name: 'attendeeEmail',
					label: 'Attendee Email',
					type: 'email',
					placeholder: 'name@email.com',
					description: 'Email address of the attendee; required when no customer is set',
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an appointment',
			description:
				'Get one appointment by ID, with its times, attendee, status and online meeting link',
			method: 'GET',
			path: '/appointments/{appointmentId}',
			scope: 'appointments.read',
			pathParams: [appointmentId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many appointments',
			description:
				'List the appointments in a time window (by default the next 7 days from now), including pending and canceled ones',
			method: 'GET',
			path: '/appointments',
			scope: 'appointments.read',
			// Not paginated: the API returns every appointment of the window in `{data}`.
			response: 'dataList',
			fields: [
				{
					// Documented format is `YYYY-mm-dd HH:ii` (no seconds); `dateTime` sends `YYYY-mm-dd HH:mm:ss`.
					name: 'start_at',
					label: 'Start At',
					type: 'dateTime',
					in: 'query',
					description: 'Start of the window; the portal uses the current time when it is left out',
				},
				{
					name: 'days',
					label: 'Days',
					type: 'integer',
					in: 'query',
					default: 7,
					minValue: 1,
					description:
						'Length of the window in days after the start; the portal uses 7 when it is left out',
				},
			],
		},
	],
};
