import type { ResourceSpec } from '../spec';
import { customerIdField, directoryIdField, pathIdField } from './sharedFields';
import { fileRequestRecord } from './records';

const requestId = pathIdField(
	'requestId',
	'File Request',
	'frq_',
	'The file request to use',
	'fileRequest',
);

export const fileRequest: ResourceSpec = {
	value: 'fileRequest',
	name: 'File Request',
	noun: 'file request',
	record: fileRequestRecord,
	simplified: ['id', 'name', 'customerId', 'completedAt', 'createdAt'],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a file request',
			description:
				'Ask a customer, or anyone with a public link, to upload up to 10 files into the portal file storage',
			method: 'POST',
			path: '/file-requests',
			scope: 'filerequest.write',
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					name: 'name',
					label: 'Name',
					type: 'string',
					required: true,
					description: 'Internal name of the request',
				},
				{
					name: 'requestedFiles',
					label: 'Requested Files',
					type: 'objectList',
					required: true,
					maxItems: 10,
					description: 'The files to ask for (at most 10)',
					// The docs list the four keys without saying which are required.
					fields: [
						{
							name: 'name',
							label: 'Name',
							type: 'string',
							required: true,
							description: 'Name of the requested file',
						},
						{
							name: 'description',
							label: 'Description',
							type: 'string',
							description: 'Explanation for the uploader',
						},
						{
							name: 'required',
							label: 'Required',
							type: 'boolean',
							default: true,
							description: 'Whether the uploader must provide this file',
						},
						{
							name: 'maxFileSize',
							label: 'Max File Size',
							type: 'integer',
							minValue: 1,
							description:
								'Largest accepted file size. The docs do not state the unit; their example is 10240.',
						},
					],
				},
				{
					name: 'description',
					label: 'Description',
					type: 'string',
					description: 'Explanation shown to the uploader',
				},
				customerIdField(
					'The customer to ask; leave empty to get a public link anyone can use',
					false,
				),
				directoryIdField('directoryId', 'Directory the uploaded files go to'),
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a file request',
			description:
				'Get one file request by ID, with which requested files were uploaded and when it was completed',
			method: 'GET',
			path: '/file-requests/{requestId}',
			scope: 'filerequest.read',
			pathParams: [requestId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many file requests',
			description: 'List file requests',
			method: 'GET',
			path: '/file-requests',
			scope: 'filerequest.read',
			response: 'pages',
		},
	],
};
