import type { INodePropertyOptions } from 'n8n-workflow';
import { eventAction, eventTypeOptions } from '../shared';

/** The 23 event types, shared with the action node's "Create a webhook" so the two never disagree. */
export const EVENT_OPTIONS: INodePropertyOptions[] = eventTypeOptions.map((option) => ({
	name: option.name,
	value: String(option.value),
	...(option.description ? { description: option.description } : {}),
	action: eventAction(option.name),
}));

export const EVENT_TYPES: readonly string[] = EVENT_OPTIONS.map((option) => String(option.value));
