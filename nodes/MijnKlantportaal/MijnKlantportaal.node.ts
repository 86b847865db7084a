import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { authenticationProperty, credentialsFor, PORTAL_DESCRIPTION, resources } from '../shared';
import { apiRequestProperties } from './descriptions/apiRequest';
import { resourceProperties, toolDescriptionProperties } from './descriptions/operationProperties';
import { requestOptionsProperty } from './descriptions/requestOptions';
import { operationSubtitle } from './descriptions/subtitle';
import { router } from './execute/router';
import { listSearch } from './listSearch';

export class MijnKlantportaal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MijnKlantportaal',
		name: 'mijnKlantportaal',
		icon: {
			light: 'file:../../icons/mijnklantportaal.svg',
			dark: 'file:../../icons/mijnklantportaal.dark.svg',
		},
		group: ['transform'],
		// 1.1 brought Simplify (on by default); version 1 nodes keep their whole records.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle,
		description: PORTAL_DESCRIPTION,
		defaults: { name: 'MijnKlantportaal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(),
		properties: [
			...toolDescriptionProperties(resources),
			authenticationProperty,
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
