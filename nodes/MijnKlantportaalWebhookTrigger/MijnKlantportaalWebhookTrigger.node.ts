import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { authenticationProperty, credentialsFor, lookupExpression } from '../shared';
import { receiveDelivery } from './delivery';
import { EVENT_OPTIONS } from './events';
import { checkExists, create, remove } from './lifecycle';

const eventNames = Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name]));

/**
 * While it listens, n8n says "Go to <display name without " Trigger"> and create an event"; only
 * the display name sets that text. "(Webhook)" keeps the node apart from the MijnKlantportaal
 * entry in the node picker, and the sentence names the portal itself. The rest of the panel's text
 * is ours (`triggerPanel`).
 */
const SERVICE = 'MijnKlantportaal';

export class MijnKlantportaalWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: `${SERVICE} (Webhook) Trigger`,
		name: 'mijnKlantportaalWebhookTrigger',
		icon: {
			light: 'file:../../icons/mijnklantportaal.svg',
			dark: 'file:../../icons/mijnklantportaal.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ($parameter["events"] || []).map((event) => ${lookupExpression(eventNames, 'event')}).join(", ") }}`,
		description:
			'Starts the workflow the moment MijnKlantportaal reports a change to customers, invoices, offers, payment links, subscriptions, tickets or appointments',
		defaults: { name: 'MijnKlantportaal Webhook Trigger' },
		triggerPanel: {
			header: `Pull in events from ${SERVICE}`,
			executionsHelp: {
				inactive: `<b>While building your workflow</b>, click the 'listen' button, then make one of the chosen events happen in ${SERVICE}: while n8n listens, the trigger registers a test webhook for each event. The execution will show up in this editor.<br /><br /><b>Once you're happy with your workflow</b>, publish it. Then every time one of the events happens in ${SERVICE}, the workflow will execute. These executions will show up in the <a data-key="executions">executions list</a>, but not in the editor.`,
				active: `<b>While building your workflow</b>, click the 'listen' button, then make one of the chosen events happen in ${SERVICE}: while n8n listens, the trigger registers a test webhook for each event. The execution will show up in this editor.<br /><br /><b>Your workflow will also execute automatically</b>, since it's published. Every time one of the events happens in ${SERVICE}, this node will trigger an execution. These executions will show up in the <a data-key="executions">executions list</a>, but not in the editor.`,
			},
			activationHint: {
				inactive: `Once you've finished building your workflow, publish it to have it also listen to ${SERVICE} continuously (you just won't see those executions here).`,
				active: `This node will also trigger automatically on new ${SERVICE} events (but those executions won't show up here).`,
			},
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Without it n8n answers the literal text "firstEntryJson" (its default, unevaluated);
				// empty, it answers {"message":"Workflow was started"} as soon as the execution starts.
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			authenticationProperty,
			{
				displayName:
					"Activating the workflow registers one MijnKlantportaal webhook per chosen event. Deactivating it deletes them where MijnKlantportaal allows it: its API does not document deleting webhooks, and when it refuses (405) they stay and n8n's log lists them. Those left are the webhooks whose URL is this node's Production URL (under Webhook URLs above): list them with the MijnKlantportaal node's Webhook → Get Many, and delete them in the MijnKlantportaal portal. Every call must carry its webhook's secret in X-Webhook-Signature, or it is refused.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: EVENT_OPTIONS,
				default: [],
				description:
					'The events that start the workflow. MijnKlantportaal needs one webhook per event; the trigger registers them all.',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
