/**
 * The one door between the package's nodes: everything a node folder uses from another part of
 * the package comes from here. What lives behind it:
 * - `spec.ts` and `resources/`: the API's operations and the objects they return, as data (one
 *   entry per operation, one shape per object), and what is derived from them for output
 *   (`outputs.ts`), AI agents (`toolDescription.ts`) and the editor (`editorText.ts`);
 * - `transport/`: every request to the API (credential, base URL, pacing, retries, errors);
 * - `authentication.ts`: the credential choice every node shows.
 */
export { authenticationProperty, credentialsFor } from './authentication';
export { eventAction, lookupExpression, PORTAL_DESCRIPTION } from './editorText';
export {
	listRecord,
	outputRecord,
	returnedRecord,
	simplifiedFields,
	simplify,
	SIMPLIFY_SINCE_VERSION,
} from './outputs';
export { toolDescription } from './toolDescription';
export { resources } from './resources';
export { eventTypeOptions } from './resources/webhook';
export type {
	FieldOption,
	FieldSpec,
	FieldType,
	LocatorName,
	OperationSpec,
	RecordShape,
	ResourceSpec,
	ResponseShape,
	ShapeField,
} from './spec';
export * from './transport';
