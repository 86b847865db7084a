/**
 * The one door between the package's nodes: everything a node folder uses from another part of
 * the package comes from here. What lives behind it:
 * - `spec.ts` and `resources/`: the API's operations as data (one entry per operation);
 * - `transport/`: every request to the API (credential, base URL, pacing, retries, errors);
 * - `authentication.ts`: the credential choice every node shows.
 */
export { authenticationProperty, credentialsFor } from './authentication';
export { resources } from './resources';
export { eventTypeOptions } from './resources/webhook';
export type {
	FieldOption,
	FieldSpec,
	FieldType,
	LocatorName,
	OperationSpec,
	ResourceSpec,
	ResponseShape,
} from './spec';
export * from './transport';
