import type { IDataObject } from 'n8n-workflow';
import { cloudFileRecord } from './resources/records';
import type { OperationSpec, RecordShape, ResourceSpec, ShapeField } from './spec';

/**
 * The action node version that brought Simplify. Workflows saved with version 1 kept their whole
 * records when Simplify came: switching it on for them would change what their later nodes map.
 */
export const SIMPLIFY_SINCE_VERSION = 1.1;

/** The operations that offer Simplify, as n8n's own nodes do: reading one record or a list. */
const SIMPLIFIED_OPERATIONS = ['get', 'getAll'];

/** What a download adds to the `{link, expiresAt}` answer when the file goes into binary output. */
const downloadFields: RecordShape = {
	fileName: { type: 'string', optional: true },
	mimeType: { type: 'string', optional: true },
	fileSize: { type: 'string', optional: true, description: 'e.g. "3.1 kB"' },
};

/** The object one request of the operation returns (one list entry, for lists). */
export function returnedRecord(resource: ResourceSpec, operation: OperationSpec): RecordShape {
	if (operation.response === 'cloudFile') return cloudFileRecord;
	return operation.returns?.record ?? resource.record;
}

/** The fields Simplify keeps for this operation, or undefined when it has no Simplify option. */
export function simplifiedFields(
	resource: ResourceSpec,
	operation: OperationSpec,
): readonly string[] | undefined {
	if (!SIMPLIFIED_OPERATIONS.includes(operation.value) || resource.simplified.length === 0)
		return undefined;
	const returned = returnedRecord(resource, operation);
	return resource.simplified.filter((name) => name in returned);
}

/** A record with only the given fields, in their order (fields the answer lacks are left out). */
export function simplify(record: IDataObject, fields: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const name of fields) if (name in record) out[name] = record[name];
	return out;
}

/** The shape of one output item of the operation: what the editor can show before it runs. */
export function outputRecord(
	resource: ResourceSpec,
	operation: OperationSpec,
	options: { simplify?: boolean } = {},
): RecordShape {
	const returned = returnedRecord(resource, operation);
	if (operation.response === 'cloudFile') return { ...returned, ...downloadFields };
	const fields = options.simplify === false ? undefined : simplifiedFields(resource, operation);
	if (!fields) return returned;
	return Object.fromEntries(fields.map((name): [string, ShapeField] => [name, returned[name]]));
}

/** `{id}`, `{linkId}` … all read as one placeholder, to compare paths across the package's data. */
const pathKey = (path: string) => path.replace(/\{\w+\}/g, '{}');

/** The record each entry of a documented GET list returns (the lists the trigger watches). */
export function listRecord(resources: ResourceSpec[], path: string): RecordShape | undefined {
	for (const resource of resources) {
		for (const operation of resource.operations) {
			if (operation.method === 'GET' && pathKey(operation.path) === pathKey(path))
				return returnedRecord(resource, operation);
		}
	}
	return undefined;
}
