// The output schemas the build ships (scripts/output-schemas.js → dist/nodes/*/__schema__), held
// against what the nodes really output from the mock: every operation with Simplify off is covered
// by operations.test.cts; here Get and Get Many with their default (Simplify on), the same in a
// version 1 node (which has no Simplify), every polling event, and webhook deliveries. Also the
// files themselves: one per operation and action node version, where n8n looks.
import Ajv from 'ajv';
import type { IDataObject } from 'n8n-workflow';
import { listRecord, outputRecord, resources, simplifiedFields, SIMPLIFY_SINCE_VERSION } from '../../nodes/shared';
import type { OperationSpec, ResourceSpec } from '../../nodes/shared';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { MijnKlantportaalTrigger } from '../../nodes/MijnKlantportaalTrigger/MijnKlantportaalTrigger.node';
import { triggerEvents } from '../../nodes/MijnKlantportaalTrigger/events';
import { MijnKlantportaalWebhookTrigger } from '../../nodes/MijnKlantportaalWebhookTrigger/MijnKlantportaalWebhookTrigger.node';
import { EVENT_OPTIONS } from '../../nodes/MijnKlantportaalWebhookTrigger/events';
import { generator, operationValidator, pollingValidator, schemaErrors, webhookValidator } from '../harness/mkp-output-schemas.cjs';
import { startReceiver } from '../harness/mkp-hooks.cjs';
import type { MockServer } from './setup.cjs';
import { rl, run, startMock } from './setup.cjs';
import { trigger } from '../trigger/world.cjs';
import { triggerFor } from '../webhook/setup.cjs';

const files = generator.schemaFiles({
	resources,
	outputRecord,
	listRecord,
	triggerEvents,
	webhookEvents: EVENT_OPTIONS,
	simplifySince: SIMPLIFY_SINCE_VERSION,
	versions: {
		action: new MijnKlantportaal().description.version,
		polling: new MijnKlantportaalTrigger().description.version,
		webhook: new MijnKlantportaalWebhookTrigger().description.version,
	},
});

describe('the schema files', () => {
	it('are one per operation under __schema__/v<version>/<resource>/<operation>.json for both action versions, and one output.json per trigger', () => {
		expect(new MijnKlantportaal().description.version).toEqual([1, 1.1]);
		const expected = [
			...['v1.0.0', 'v1.1.0'].flatMap((dir) =>
				resources.flatMap((resource) => resource.operations.map((op) => `nodes/MijnKlantportaal/__schema__/${dir}/${resource.value}/${op.value}.json`)),
			),
			'nodes/MijnKlantportaalTrigger/__schema__/v1.0.0/output.json',
			'nodes/MijnKlantportaalWebhookTrigger/__schema__/v1.0.0/output.json',
		];
		expect(files.map((f) => f.file)).toEqual(expected);
		expect(files).toHaveLength(2 * 68 + 2);
	});

	it('are JSON Schema that the editor accepts: an object type with properties', () => {
		// The editor shows a preview only for `{type, properties}` with at least one property.
		const ajv = new Ajv({ strict: true, formats: { date: true, 'date-time': true, uri: true } });
		for (const { file, schema } of files) {
			expect({ file, valid: ajv.validateSchema(schema) }).toEqual({ file, valid: true });
			const { type, properties } = schema as { type: string; properties: Record<string, unknown> };
			expect({ file, type }).toEqual({ file, type: 'object' });
			expect(Object.keys(properties).length).toBeGreaterThan(0);
		}
	});

	const byFile = (file: string) => files.find((f) => f.file === file)!.schema as { properties: Record<string, unknown> };

	it('describe the simplified output of Get and Get Many from version 1.1, and the download of a file', () => {
		expect(Object.keys(byFile('nodes/MijnKlantportaal/__schema__/v1.1.0/customer/getAll.json').properties)).toEqual([
			'id',
			'companyName',
			'primaryEmail',
			'phone',
			'address',
			'zipCode',
			'city',
			'createdAt',
		]);
		expect(Object.keys(byFile('nodes/MijnKlantportaal/__schema__/v1.1.0/customer/create.json').properties)).toEqual([
			'id',
			'companyName',
			'address',
			'zipCode',
			'city',
			'countryCode',
			'primaryEmail',
			'phone',
			'integration',
			'integrationId',
			'customerGroups',
			'createdAt',
		]);
		expect(Object.keys(byFile('nodes/MijnKlantportaal/__schema__/v1.1.0/file/download.json').properties)).toEqual([
			'link',
			'expiresAt',
			'fileName',
			'mimeType',
			'fileSize',
		]);
		expect(byFile('nodes/MijnKlantportaal/__schema__/v1.1.0/customer/get.json').properties.phone).toEqual({ type: ['string', 'null'] });
	});

	it('describe the whole record for version 1, which has no Simplify, and the same as 1.1 elsewhere', () => {
		const v1 = (file: string) => byFile(`nodes/MijnKlantportaal/__schema__/v1.0.0/${file}`);
		const v11 = (file: string) => byFile(`nodes/MijnKlantportaal/__schema__/v1.1.0/${file}`);
		expect(Object.keys(v1('customer/getAll.json').properties)).toEqual(Object.keys(v1('customer/create.json').properties));
		expect(Object.keys(v1('customer/getAll.json').properties)).toContain('countryCode');
		expect(Object.keys(v11('customer/getAll.json').properties)).not.toContain('countryCode');
		for (const resource of resources) {
			for (const op of resource.operations) {
				if (simplifiedFields(resource, op)) continue;
				const file = `${resource.value}/${op.value}.json`;
				expect({ file, schema: v1(file) }).toEqual({ file, schema: v11(file) });
			}
		}
	});
});

describe('Get and Get Many with Simplify (the default) against the mock', () => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMock({ records: 8 });
		// Get Many of appointments lists the next 7 days: make sure there is one.
		mock.store.create('appointments', { startsAt: new Date(mock.clock.now() + 26 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00') });
	});
	afterAll(async () => mock.close());

	/** An ID of a stored record with the prefix, for a Get's path parameter. */
	const storedId = (prefix: string): string => {
		for (const name of ['customers', 'customerGroups', 'agreements', 'appointments', 'customerInvoices', 'customerOffers', 'customerSubscriptions', 'customerSubscriptionPackages', 'files', 'fileRequests', 'fileShares', 'mkpInvoices', 'paymentLinks', 'punchCards', 'tickets', 'webhooks']) {
			const found = (mock.store.collection(name).all() as Array<{ id: string }>).find((record) => record.id.startsWith(prefix));
			if (found) return found.id;
		}
		throw new Error(`no stored record with prefix ${prefix}`);
	};

	/** The node parameters of a Get or Get Many, with a stored record's ID for each path parameter. */
	const parametersFor = (resource: ResourceSpec, op: OperationSpec): IDataObject => {
		const parameters: IDataObject = { resource: resource.value, operation: op.value };
		for (const param of op.pathParams ?? []) {
			const id = storedId(param.idPrefix ?? 'fsf_');
			parameters[param.name] = param.locator ? rl(id) : id;
		}
		return parameters;
	};

	const cases = resources.flatMap((resource) =>
		resource.operations.filter((op) => simplifiedFields(resource, op)).map((op) => [`${resource.value}.${op.value}`, resource, op] as const),
	);

	it('covers the Get and Get Many of every resource (file has no Get Many, file share no Get)', () => {
		expect(cases.map(([key]) => key)).toHaveLength(30);
	});

	it.each(cases)('%s outputs exactly the simplified fields its schema lists', async (_key, resource, op) => {
		const r = await run(mock, parametersFor(resource, op));
		expect(r.error?.message).toBeUndefined();
		expect(r.items.length).toBeGreaterThan(0);
		expect(schemaErrors(operationValidator(resource.value, op.value, { strict: true }), r.items)).toEqual([]);
		// Fields the answer has but Simplify leaves out are really gone.
		const kept = simplifiedFields(resource, op)!;
		for (const item of r.items) expect(Object.keys(item.json).every((key) => kept.includes(key))).toBe(true);
		expect(Object.keys(r.items[0].json).length).toBeLessThan(Object.keys(outputRecord(resource, op, { simplify: false })).length);
	});

	// A workflow saved with version 1, before Simplify existed, must go on getting what it mapped.
	it.each(cases)('%s in a version 1 node outputs the whole record, as its v1.0.0 schema says', async (_key, resource, op) => {
		const r = await run(mock, parametersFor(resource, op), { typeVersion: 1 });
		expect(r.error?.message).toBeUndefined();
		expect(r.items.length).toBeGreaterThan(0);
		expect(schemaErrors(operationValidator(resource.value, op.value, { strict: true, simplify: false }), r.items)).toEqual([]);
		const v1 = files.find((f) => f.file === `nodes/MijnKlantportaal/__schema__/v1.0.0/${resource.value}/${op.value}.json`)!.schema as { properties: object };
		expect(Object.keys(v1.properties)).toEqual(Object.keys(outputRecord(resource, op, { simplify: false })));
	});
});

describe('the polling trigger against the mock', () => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMock({ records: 0 });
		mock.store.seedAll(12);
		// Events with a target state need a record in it: an accepted and a rejected offer, a closed link.
		const now = new Date(mock.clock.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
		mock.store.create('appointments', { startsAt: new Date(mock.clock.now() + 26 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00') });
		mock.store.create('paymentLinks', { status: 'closed', checkoutUrl: null });
		mock.store.create('paymentLinks', { status: 'paid', checkoutUrl: null });
		mock.store.create('paymentLinks', { status: 'expired', checkoutUrl: null });
		mock.store.create('agreements', { status: 'signed' });
		mock.store.create('fileRequests', { completedAt: now });
		mock.store.create('customerOffers', { acceptedAt: now, rejectedAt: null });
		mock.store.create('customerOffers', { acceptedAt: null, rejectedAt: now });
		mock.store.create('tickets', { status: 'closed' });
	});
	afterAll(async () => mock.close());

	it.each(triggerEvents.map((event) => [event.value]))('%s: the test event matches output.json', async (event) => {
		const outcome = await trigger(mock, { event }).fetchTestEvent();
		expect(outcome.error?.message).toBeUndefined();
		expect(outcome.items).toHaveLength(1);
		expect(outcome.items![0].json.event).toBe(event);
		expect(schemaErrors(pollingValidator(true), outcome.items!)).toEqual([]);
		// The shipped (non-strict) schema passes it too, through this event's branch only.
		expect(schemaErrors(pollingValidator(false), outcome.items!)).toEqual([]);
	});

	it('refuses an item of one event dressed as another', async () => {
		const outcome = await trigger(mock, { event: 'customerCreated' }).fetchTestEvent();
		const item = { json: { ...outcome.items![0].json, event: 'ticketCreated' } };
		expect(schemaErrors(pollingValidator(true), [item])).toHaveLength(1);
	});
});

describe('the webhook trigger against the mock', () => {
	it('a delivery matches output.json', async () => {
		const mock = await startMock();
		const receiver = await startReceiver();
		try {
			const harness = triggerFor(mock, receiver, { events: ['invoice-paid'] });
			await harness.activate();
			await mock.fireWebhook('invoice-paid', { id: 'inv_schema1', paidAt: '2025-04-12T10:15:00+02:00' });
			expect(harness.executions).toHaveLength(1);
			const items = harness.executions[0] as Array<{ json: IDataObject }>;
			expect(items[0].json.event).toBe('invoice-paid');
			expect(schemaErrors(webhookValidator(true), items)).toEqual([]);
			expect(schemaErrors(webhookValidator(true), [{ json: { ...items[0].json, event: 'invoice-sent' } }])).toHaveLength(1);
		} finally {
			await receiver.close();
			await mock.close();
		}
	});
});
