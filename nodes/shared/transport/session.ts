import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { PRODUCTION_API_BASE_URL, SAFE_URL_PATTERN } from '../../../credentials/shared';
import type { ApiContext } from './types';

export type CredentialType = 'mijnKlantportaalApi' | 'mijnKlantportaalOAuth2Api';

export interface Session {
	credentialType: CredentialType;
	/** The API base without a trailing slash, e.g. `https://api.mijnklantportaal.nl/v1`. */
	baseUrl: string;
	/** `protocol//host[:port]` of the base: the only origin that ever sees the credential. */
	origin: string;
	/**
	 * Names the rate-limit budget (the API counts per key or token): the credential and the base.
	 * Undefined when the node has no credential ID, so pacing falls back to the execution.
	 */
	pacingKey?: string;
	/**
	 * The API-key credential, decrypted once per execution and handed to n8n with every request,
	 * so n8n does not decrypt it again for each page and item. Not set for OAuth2: n8n must read
	 * the stored token itself, which it may refresh.
	 */
	credentialsDecrypted?: ICredentialsDecrypted;
}

const sessions = new WeakMap<object, Promise<Session>>();

/**
 * One session per node-execution context: the credential is resolved once for every page and
 * item. The pacing state (pacing.ts) is keyed by the session's `pacingKey`, so it spans them too.
 */
export async function getSession(this: ApiContext): Promise<Session> {
	let session = sessions.get(this);
	if (!session) {
		session = resolveSession.call(this);
		sessions.set(this, session);
	}
	return await session;
}

async function resolveSession(this: ApiContext): Promise<Session> {
	// Execute contexts take an item index; poll, hook, webhook and load-options contexts do not.
	const authentication = (
		'getInputData' in this && 'continueOnFail' in this
			? (this as IExecuteFunctions).getNodeParameter('authentication', 0, 'apiKey')
			: (this as IPollFunctions).getNodeParameter('authentication', 'apiKey')
	) as string;
	const credentialType: CredentialType =
		authentication === 'oAuth2' ? 'mijnKlantportaalOAuth2Api' : 'mijnKlantportaalApi';
	const credentials = await this.getCredentials<
		ICredentialDataDecryptedObject & { environment?: string; apiBaseUrl?: string }
	>(credentialType);
	let baseUrl = PRODUCTION_API_BASE_URL;
	if (credentials.environment === 'custom') {
		baseUrl = String(credentials.apiBaseUrl ?? '')
			.trim()
			.replace(/\/+$/, '');
		if (!new RegExp(SAFE_URL_PATTERN).test(baseUrl)) {
			throw new NodeOperationError(
				this.getNode(),
				'The custom API base URL must use https (plain http is allowed only on localhost)',
				{ description: 'Open the credential and correct its API Base URL.' },
			);
		}
	}
	const reference = this.getNode().credentials?.[credentialType];
	const session: Session = { credentialType, baseUrl, origin: new URL(baseUrl).origin };
	if (reference?.id) session.pacingKey = `${credentialType}:${reference.id}:${baseUrl}`;
	if (credentialType === 'mijnKlantportaalApi' && reference?.id) {
		session.credentialsDecrypted = {
			id: reference.id,
			name: reference.name,
			type: credentialType,
			data: credentials,
		};
	}
	return session;
}
