// The output schemas the build ships (scripts/output-schemas.js), compiled with ajv for the tests
// that hold them against what the nodes really output from the mock. `strict` schemas also require
// every field the data does not mark optional and refuse any field it does not describe.
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { IDataObject } from 'n8n-workflow';
import { listRecord, outputRecord, resources } from '../../nodes/shared';
import { triggerEvents } from '../../nodes/MijnKlantportaalTrigger/events';
import { EVENT_OPTIONS } from '../../nodes/MijnKlantportaalWebhookTrigger/events';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/output-schemas.js') as {
	recordSchema: (shape: unknown, options?: { strict?: boolean }) => object;
	pollingTriggerSchema: (events: unknown, resources: unknown, listRecord: unknown, options?: { strict?: boolean }) => object;
	webhookTriggerSchema: (options: unknown, settings?: { strict?: boolean }) => object;
	schemaFiles: (data: unknown) => Array<{ file: string; schema: object }>;
	versionDir: (version: number | number[]) => string;
	allVersions: (version: number | number[]) => number[];
};

export { generator };

const ajv = new Ajv({ allErrors: true, strict: true });
// The formats the API documents (API.md §5): dates, ATOM datetimes (or ISO 8601 UTC), URLs.
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', { type: 'string', validate: (value: string) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value) });

const compiled = new Map<string, ValidateFunction>();
function compile(key: string, make: () => object): ValidateFunction {
	let validate = compiled.get(key);
	if (!validate) {
		validate = ajv.compile(make());
		compiled.set(key, validate);
	}
	return validate;
}

/** The schema of one operation's output items; `simplify: false` for the raw records. */
export function operationValidator(resourceValue: string, operationValue: string, options: { strict: boolean; simplify?: boolean }): ValidateFunction {
	const resource = resources.find((r) => r.value === resourceValue)!;
	const operation = resource.operations.find((o) => o.value === operationValue)!;
	return compile(`op:${resourceValue}.${operationValue}:${options.strict}:${options.simplify}`, () =>
		generator.recordSchema(outputRecord(resource, operation, { simplify: options.simplify }), { strict: options.strict }),
	);
}

export const pollingValidator = (strict: boolean) =>
	compile(`poll:${strict}`, () => generator.pollingTriggerSchema(triggerEvents, resources, listRecord, { strict }));

export const webhookValidator = (strict: boolean) => compile(`webhook:${strict}`, () => generator.webhookTriggerSchema(EVENT_OPTIONS, { strict }));

/** The validation errors of each item, by index (empty when every item passes). */
export function schemaErrors(validate: ValidateFunction, items: Array<{ json: IDataObject }>): string[] {
	const errors: string[] = [];
	items.forEach((item, index) => {
		if (!validate(item.json)) errors.push(`item ${index}: ${ajv.errorsText(validate.errors, { dataVar: 'json' })}`);
	});
	return errors;
}
