import type { ResourceSpec } from '../spec';
import { pathIdField } from './sharedFields';
import { agreementRecord } from './records';

const agreementId = pathIdField(
	'agreementId',
	'Agreement',
	'agr_',
	'The agreement to use',
	'agreement',
);

export const agreement: ResourceSpec = {
	value: 'agreement',
	name: 'Agreement',
	noun: 'agreement',
	record: agreementRecord,
	simplified: ['id', 'name', 'status', 'signerName', 'createdAt'],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create an agreement',
			description:
				'Send documents to up to 5 people to sign digitally, already signed on behalf of your company',
			method: 'POST',
			path: '/agreements',
			scope: 'agreements.write',
			// The API accepts only multipart/form-data here.
			bodyType: 'multipart',
			response: 'record',
			limits: { maxFiles: 5, maxTotalBytes: 5 * 1024 * 1024 },
			fields: [
				{
					name: 'name',
					label: 'Name',
					type: 'string',
					required: true,
					description: 'Name of the agreement',
				},
				{
					name: 'signerName',
					label: 'Signer Name',
					type: 'string',
					required: true,
					description: 'Name of the person who signs on behalf of your company',
				},
				{
					name: 'signerSignatureData',
					label: 'Signer Signature',
					type: 'binary',
					required: true,
					default: 'signature',
					asDataUrl: true,
					description:
						'Input binary property with the company signer\'s signature as a PNG image; the node sends it as the "data:image/png;base64,…" string the API expects',
				},
				{
					name: 'signers',
					label: 'Signers',
					type: 'objectList',
					required: true,
					maxItems: 5,
					// The curl example sends the list as a JSON string in a single form field.
					asJsonString: true,
					description: 'People who have to sign the agreement (at most 5)',
					fields: [
						{
							name: 'firstName',
							label: 'First Name',
							type: 'string',
							required: true,
							description: 'First name of the signer',
						},
						{
							name: 'lastName',
							label: 'Last Name',
							type: 'string',
							required: true,
							description: 'Last name of the signer',
						},
						{
							name: 'email',
							label: 'Email',
							type: 'email',
							required: true,
							placeholder: 'name@email.com',
							description: 'Email address the signing invitation is sent to',
						},
						{
							name: 'shouldIdentify',
							label: 'Should Identify',
							type: 'boolean',
							default: false,
							description: 'Whether the signer has to identify themselves before signing',
						},
					],
				},
				{
					name: 'documents',
					label: 'Documents',
					type: 'binaryList',
					formKey: 'documents[]',
					required: true,
					default: ['data'],
					description:
						'Input binary properties with the documents to sign: at most 5 files and 5 MB in total',
				},
			],
		},
		{
			value: 'downloadDocument',
			name: 'Download Document',
			action: 'Download an agreement document',
			description:
				"Download one document of an agreement; the document IDs (agd_…) are in the agreement's documents list",
			method: 'GET',
			path: '/agreements/{agreementId}/documents/{documentId}/download',
			scope: 'agreements.read',
			pathParams: [
				agreementId,
				{
					name: 'documentId',
					label: 'Document ID',
					type: 'id',
					idPrefix: 'agd_',
					placeholder: 'agd_...',
					required: true,
					description: 'ID of the document, from the documents list of the agreement',
				},
			],
			response: 'cloudFile',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an agreement',
			description: 'Get one agreement by ID, with its signers, signing status and documents',
			method: 'GET',
			path: '/agreements/{agreementId}',
			scope: 'agreements.read',
			pathParams: [agreementId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many agreements',
			description: 'List agreements with their signing status (sent or signed)',
			method: 'GET',
			path: '/agreements',
			scope: 'agreements.read',
			response: 'pages',
		},
	],
};
