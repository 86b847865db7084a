import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { credentialTypes, MemoryCredentialsHelper } from './mkp-credentials.cjs';
import { additionalData, initDi, nodeTypes } from './mkp-n8n.cjs';

/**
 * n8n's credential test for credentials with a declarative `test` (packages/cli
 * credentials-tester.service.ts), restated step by step: defaults and expressions applied to the
 * data, the test request run by n8n-core's real RoutingNode, then the same verdict rules.
 */
export async function testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	await initDi();
	const test = credentialTypes[type].test as ICredentialTestRequest;
	const helper = new MemoryCredentialsHelper();
	helper.set('cred', type, data);
	const decrypted = await helper.getDecrypted({} as never, { id: 'cred', name: 'cred' }, type, 'internal');
	const base = nodeTypes.getByNameAndVersion('n8n-nodes-mijnklantportaal.mijnKlantportaal') as INodeType;
	const nodeType: INodeType = {
		description: {
			...base.description,
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type]: { id: 'cred', name: 'cred' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as never,
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(helper),
		'internal',
		{ resultData: { runData: {} } } as never,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, { id: 'cred', name: 'cred', type, data: decrypted });
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && cause.response.status === rule.properties.value) {
					return { status: 'Error', message: String(rule.properties.message) };
				}
			}
			if (cause.response.status < 199 || cause.response.status > 299) {
				return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: (error as Error).message };
	}
	void response;
	return { status: 'OK', message: 'Connection successful!' };
}
