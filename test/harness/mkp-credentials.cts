import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { MijnKlantportaalApi } from '../../credentials/MijnKlantportaalApi.credentials';
import { MijnKlantportaalOAuth2Api } from '../../credentials/MijnKlantportaalOAuth2Api.credentials';

/**
 * The properties of n8n's own `oAuth2Api` credential (n8n-nodes-base), which ours extends.
 * n8n-nodes-base is not a test dependency, so the fields that matter to the flow are restated.
 */
const oAuth2Api: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [
		{ displayName: 'Grant Type', name: 'grantType', type: 'options', options: [{ name: 'Authorization Code', value: 'authorizationCode' }], default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [{ name: 'Body', value: 'body' }, { name: 'Header', value: 'header' }], default: 'header' },
		{ displayName: 'Ignore SSL Issues', name: 'ignoreSSLIssues', type: 'boolean', default: false },
	],
};

export const credentialTypes: Record<string, ICredentialType> = {
	oAuth2Api,
	mijnKlantportaalApi: new MijnKlantportaalApi(),
	mijnKlantportaalOAuth2Api: new MijnKlantportaalOAuth2Api(),
};

/** Fields n8n pins to the credential type's defaults when they are hidden (cli's OAUTH_PINNED_FIELDS). */
const PINNED = ['authUrl', 'accessTokenUrl', 'grantType', 'scope', 'authQueryParameters', 'authentication'];

const expressionNode: INode = { id: 'x', name: 'credentials', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };

/**
 * An in-memory stand-in for n8n's database-backed CredentialsHelper (packages/cli), doing what
 * it does on the paths our nodes use: parent types, merged properties, hidden OAuth2 fields
 * pinned to their defaults, `$self` expressions resolved by n8n's real expression engine,
 * generic `authenticate`, and token saves that tests can count.
 */
export class MemoryCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();

	readonly tokenSaves: ICredentialDataDecryptedObject[] = [];

	set(id: string, type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(id, { type, data: structuredClone(data) });
	}

	get(id: string) {
		return this.store.get(id)?.data;
	}

	getParentTypes(name: string): string[] {
		const type = credentialTypes[name];
		return (type?.extends ?? []).flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = credentialTypes[type];
		if (!credentialType.extends) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	private resolve(workflow: Workflow, value: string, credentials: ICredentialDataDecryptedObject): string {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		const resolved = workflow.expression.getSimpleParameterValue(expressionNode, value, 'internal', { $credentials: credentials } as never, undefined, '');
		return resolved ? String(resolved) : '';
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions, workflow?: Workflow): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName].authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic' && workflow) {
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				const target = ((requestOptions as unknown as Record<string, Record<string, string>>)[outerKey] ??= {});
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					target[this.resolve(workflow, key, credentials)] = this.resolve(workflow, value, credentials);
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	/** Mirrors cli's getDecrypted + applyDefaultsAndOverwrites. */
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const entry = this.store.get(nodeCredentials.id ?? '');
		if (!entry || entry.type !== type) throw new Error(`Credential ${nodeCredentials.id} of type ${type} not found`);
		const original = structuredClone(entry.data);
		if (raw) return original;
		const properties = this.getCredentialsProperties(type);
		const stored = { ...original };
		for (const field of PINNED) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete stored[field];
		}
		let data = NodeHelpers.getNodeParameters(properties, stored as never, true, false, null, null) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		const workflow = expressionWorkflow();
		data = workflow.expression.getComplexParameterValue(expressionNode, data as never, mode, {} as never, undefined, undefined, data as never) as ICredentialDataDecryptedObject;
		return data;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject) {
		const entry = this.store.get(nodeCredentials.id ?? '');
		if (entry) entry.data = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(nodeCredentials: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject) {
		const entry = this.store.get(nodeCredentials.id ?? '');
		if (!entry) throw new Error('unknown credential');
		entry.data.oauthTokenData = structuredClone(data.oauthTokenData);
		this.tokenSaves.push(structuredClone(data.oauthTokenData as ICredentialDataDecryptedObject));
	}
}

export function expressionWorkflow(): Workflow {
	return new Workflow({
		nodes: [expressionNode],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => ({ description: { properties: [] } }), getByNameAndVersion: () => ({ description: { properties: [] } }), getKnownTypes: () => ({}) } as never,
	});
}

/** Resolves one credential the way n8n does, e.g. to read its authorize URL or scope. */
export async function resolvedCredential(type: string, data: ICredentialDataDecryptedObject) {
	const helper = new MemoryCredentialsHelper();
	helper.set('c', type, data);
	return await helper.getDecrypted({} as never, { id: 'c', name: 'c' }, type, 'internal');
}
