import { lookupExpression, resources } from '../../shared';
import { CUSTOM_API_CALL } from './customApiCall';

/** "Get Many: Customer" for every operation, keyed `resource.operation`. */
const names: Record<string, string> = Object.fromEntries(
	resources.flatMap((resource) =>
		resource.operations.map((op) => [
			`${resource.value}.${op.value}`,
			`${op.name}: ${resource.name}`,
		]),
	),
);

/** The canvas subtitle: the operation and resource by their display names, or the custom request. */
export const operationSubtitle = `={{ $parameter["operation"] === "${CUSTOM_API_CALL.value}" ? "${CUSTOM_API_CALL.name}: " + $parameter["method"] + " " + $parameter["path"] : ${lookupExpression(names, '$parameter["resource"] + "." + $parameter["operation"]')} }}`;
