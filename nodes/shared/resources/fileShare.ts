import type { ResourceSpec } from '../spec';
import { customerIdField } from './sharedFields';
import { fileShareRecord } from './records';

export const fileShare: ResourceSpec = {
	value: 'fileShare',
	name: 'File Share',
	noun: 'file share',
	record: fileShareRecord,
	simplified: ['id', 'sharedWithCustomerId', 'createdAt', 'links'],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a file share',
			description: 'Share existing files and directories with a customer, or through a public link',
			method: 'POST',
			path: '/file-shares',
			scope: 'fileshare.write',
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					// Files and directories may be mixed, so no single prefix is checked.
					name: 'content',
					label: 'Content',
					type: 'stringList',
					required: true,
					placeholder: 'fsf_... or fsd_...',
					description: 'IDs of the files (fsf_…) and directories (fsd_…) to share',
				},
				customerIdField(
					'The customer to share with; leave empty to get a public link anyone can use',
					false,
				),
			],
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many file shares',
			description:
				'List file shares with the files and directories they share; a single share cannot be fetched',
			method: 'GET',
			path: '/file-shares',
			scope: 'fileshare.read',
			response: 'pages',
		},
	],
};
