import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { authenticationProperty, credentialsFor, resources } from '../shared';
import { apiRequestProperties } from './descriptions/apiRequest';
import { resourceProperties } from './descriptions/operationProperties';
import { requestOptionsProperty } from './descriptions/requestOptions';
import { router } from './execute/router';
import { listSearch } from './listSearch';

const resourceOptions = [
	...resources.map((resource) => ({ name: resource.name, value: resource.value })),
	{ name: 'API Request', value: 'apiRequest' },
];

export class MijnKlantportaal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MijnKlantportaal',
		name: 'mijnKlantportaal',
		icon: {
			light: 'file:../../icons/mijnklantportaal.svg',
			dark: 'file:../../icons/mijnklantportaal.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with MijnKlantportaal customers, invoices, offers, subscriptions, tickets, payment links, files, agreements, appointments, punch cards and webhooks',
		defaults: { name: 'MijnKlantportaal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(),
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'customer',
			},
			...resourceProperties(resources),
			...apiRequestProperties,
			requestOptionsProperty,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
