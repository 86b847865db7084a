import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	authenticationProperty,
	credentialsFor,
	eventAction,
	lookupExpression,
	PORTAL_DESCRIPTION,
} from '../shared';
import { triggerEvents } from './events';
import { pollTrigger } from './poll/run';

const eventNames = Object.fromEntries(triggerEvents.map((event) => [event.value, event.name]));

const windowEvents = triggerEvents.filter((event) => event.list.window).map((event) => event.value);
const trackingEvents = triggerEvents
	.filter((event) => event.rule.kind !== 'new' && !event.list.window)
	.map((event) => event.value);

/**
 * Polls MijnKlantportaal for new and changed records. The API has no filter, sort or
 * `updated_since`, documents no list order and allows 60 requests a minute; how the trigger
 * still reports every event once is described in README-algorithm.md beside this file.
 */
export class MijnKlantportaalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MijnKlantportaal Trigger',
		name: 'mijnKlantportaalTrigger',
		icon: {
			light: 'file:../../icons/mijnklantportaal.svg',
			dark: 'file:../../icons/mijnklantportaal.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${lookupExpression(eventNames, '$parameter["event"]')} }}`,
		// n8n's node picker shows this trigger inside the MijnKlantportaal entry, with this text.
		description: PORTAL_DESCRIPTION,
		defaults: { name: 'MijnKlantportaal Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(),
		properties: [
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				required: true,
				noDataExpression: true,
				options: triggerEvents.map((event) => ({
					name: event.name,
					value: event.value,
					description: event.description,
					action: eventAction(event.name),
				})),
				default: 'customerCreated',
				description:
					'What starts the workflow. Each run outputs one item per event: the record, plus "event" and "detectedAt".',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing Records on First Run',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits the records that already exist (for events with a target state: those already in it). Off: it only notes where things stand and reports what happens from then on.',
					},
					{
						displayName: 'Look Ahead (Days)',
						name: 'lookAheadDays',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 365,
						displayOptions: { show: { '/event': windowEvents } },
						description:
							'Appointments starting up to this many days ahead are watched (the API lists appointments by start date only)',
					},
					{
						displayName: 'Look Back (Days)',
						name: 'lookBackDays',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 0 },
						default: 1,
						displayOptions: { show: { '/event': windowEvents } },
						description: 'Appointments that started up to this many days ago are still watched',
					},
					{
						displayName: 'Max Share of Rate Limit per Poll (%)',
						name: 'budgetPercent',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
						default: 50,
						description:
							'The most requests one poll may send, as a share of the API rate limit (60 per minute unless MijnKlantportaal raised it). A poll with more to read stops there and the next poll continues.',
					},
					{
						displayName: 'Max Watched Records',
						name: 'maxTracked',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1000,
						displayOptions: { show: { '/event': trackingEvents } },
						description:
							'For change events: the most records watched for a change; for payment and punch card events: the most links or cards watched. Past it, the ones watched longest are dropped.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrigger(this);
	}
}
