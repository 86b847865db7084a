import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { authenticationProperty, credentialsFor } from '../shared';
import { receiveDelivery } from './delivery';
import { EVENT_OPTIONS } from './events';
import { checkExists, create, remove } from './lifecycle';

export class MijnKlantportaalWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MijnKlantportaal Webhook Trigger',
		name: 'mijnKlantportaalWebhookTrigger',
		icon: {
			light: 'file:../../icons/mijnklantportaal.svg',
			dark: 'file:../../icons/mijnklantportaal.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Events: " + ($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow when customers, invoices, offers, payment links, subscriptions, tickets or appointments change in MijnKlantportaal',
		defaults: { name: 'MijnKlantportaal Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
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
