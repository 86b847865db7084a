import type { ResourceSpec } from '../spec';
import { directoryIdField } from './sharedFields';
import { fileRecord } from './records';

const parentDirectory = directoryIdField(
	'directory',
	'Directory to create it in; leave empty for the root directory',
	true,
);

export const file: ResourceSpec = {
	value: 'file',
	name: 'File',
	noun: 'file',
	record: fileRecord,
	simplified: ['id', 'type', 'name', 'size', 'mime', 'createdAt'],
	operations: [
		{
			value: 'createDirectory',
			name: 'Create Directory',
			action: 'Create a directory',
			description:
				'Create a directory in the portal file storage, in the root or in another directory',
			// One documented endpoint serves both this and Upload: a JSON body creates a directory.
			method: 'POST',
			path: '/files',
			scope: 'files.write',
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					// The docs do not name the JSON field for the directory name; `name` is our best reading.
					name: 'name',
					label: 'Name',
					type: 'string',
					required: true,
					description: 'Name of the new directory',
				},
				parentDirectory,
			],
		},
		{
			value: 'download',
			name: 'Download',
			action: 'Download a file',
			description:
				'Download a file (not a directory); the API gives a download link that is valid for 5 minutes',
			method: 'GET',
			path: '/files/{fileId}/download',
			scope: 'files.read',
			pathParams: [
				{
					name: 'fileId',
					label: 'File ID',
					type: 'id',
					idPrefix: 'fsf_',
					placeholder: 'fsf_...',
					required: true,
					description: 'ID of the file',
				},
			],
			response: 'cloudFile',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a file or directory',
			description: 'Get the details of one file or directory by ID: name, type, size and share',
			method: 'GET',
			path: '/files/{fileOrDirId}',
			scope: 'files.read',
			pathParams: [
				{
					// Takes both files and directories, so no single prefix is checked.
					name: 'fileOrDirId',
					label: 'File or Directory ID',
					type: 'id',
					placeholder: 'fsf_... or fsd_...',
					required: true,
					description: 'ID of a file (fsf_…) or a directory (fsd_…)',
				},
			],
			response: 'record',
		},
		{
			value: 'upload',
			name: 'Upload',
			action: 'Upload a file',
			description: 'Upload a file to the portal file storage, in the root or in a directory',
			// One documented endpoint serves both this and Create Directory: a multipart body uploads a file.
			method: 'POST',
			path: '/files',
			scope: 'files.write',
			bodyType: 'multipart',
			response: 'record',
			fields: [
				{
					name: 'file',
					label: 'File',
					type: 'binary',
					required: true,
					default: 'data',
					description: 'Input binary property with the file to upload',
				},
				parentDirectory,
			],
		},
	],
};
