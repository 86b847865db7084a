/**
 * Text the n8n editor shows about the package's nodes, where n8n builds it from the descriptions.
 */

/**
 * The action node's description. n8n's node picker merges a trigger named `<node>Trigger` into
 * `<node>` and shows the trigger's description for the merged entry, so the polling trigger
 * carries this text too: the picker then describes the entry as the action node does.
 */
export const PORTAL_DESCRIPTION =
	'Work with MijnKlantportaal customers, invoices, offers, subscriptions, tickets, payment links, files, agreements, appointments, punch cards and webhooks';

/** Words kept as written in an action name: the portal's own name. */
const PROPER_NAMES = ['MijnKlantportaal'];

/**
 * The trigger action n8n lists for an event ("On customer invoice paid"). Without one n8n makes it
 * from the event's name in lower case and splits camel case, giving "On mijn klantportaal …".
 */
export function eventAction(eventName: string): string {
	const words = eventName
		.split(' ')
		.map((word) => (PROPER_NAMES.includes(word) ? word : word.toLowerCase()));
	return `On ${words.join(' ')}`;
}

/**
 * An n8n expression that shows `names[key]`, or the key itself for a value the map lacks.
 * Subtitles are expressions over the node's parameters, which hold option values, not their
 * display names; the map carries the display names from the package's data into the expression.
 */
export function lookupExpression(names: Record<string, string>, key: string): string {
	return `(${JSON.stringify(names)})[${key}] || ${key}`;
}
