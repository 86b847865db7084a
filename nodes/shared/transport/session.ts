import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	PRODUCTION_API_BASE_URL,
	PRODUCTION_MANAGE_BASE_URL,
	refusedServerUrl,
	serverUrl,
} from '../../../credentials/shared';
import type { ApiContext } from './types';

export type CredentialType = 'mijnKlantportaalApi' | 'mijnKlantportaalOAuth2Api';

export interface Session {
	credentialType: CredentialType;
	/** The API base without a trailing slash, e.g. `https://api.mijnklantportaal.nl/v1`. */
	baseUrl: string;
	/** `protocol//host[:port]` of the base: the only origin that ever sees the credential. */
	origin: string;
	/** The base's path (`/v1`), which no request leaves; empty for a base without a path. */
	basePath: string;
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
	/** The key, tokens and client secret, which errors.ts cuts out of every error. */
	secrets: string[];
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
	const credentials = await this.getCredentials(credentialType);
	const baseUrl = serverUrl(credentials, 'apiBaseUrl', PRODUCTION_API_BASE_URL);
	// Checked before the first request: n8n would otherwise send the key there, or for OAuth2 the
	// refresh token and client secret to the manage URL.
	const refused =
		refusedServerUrl(baseUrl) ??
		(credentialType === 'mijnKlantportaalOAuth2Api'
			? refusedServerUrl(
					serverUrl(credentials, 'manageBaseUrl', PRODUCTION_MANAGE_BASE_URL),
					'Manage Portal Base URL',
				)
			: undefined);
	if (refused) {
		throw new NodeOperationError(this.getNode(), refused, {
			description: 'Nothing was sent. Open the credential and correct the URL.',
		});
	}
	const base = new URL(baseUrl);
	const reference = this.getNode().credentials?.[credentialType];
	const session: Session = {
		credentialType,
		baseUrl,
		origin: base.origin,
		basePath: base.pathname.replace(/\/+$/, ''),
		secrets: secretsOf(credentials),
	};
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

/** The credential's secrets; short values are left out, as they could be ordinary words. */
function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [credentials.apiKey, credentials.clientSecret, token.access_token, token.refresh_token]
		.filter((value): value is string => typeof value === 'string' && value.length >= 8)
		.sort((a, b) => b.length - a.length);
}

/**
 * The secrets as they are now. n8n may have refreshed the OAuth2 token since the session began,
 * and the new one must not reach an error either.
 */
export async function currentSecrets(this: ApiContext, session: Session): Promise<string[]> {
	if (session.credentialType !== 'mijnKlantportaalOAuth2Api') return session.secrets;
	const fresh = await this.getCredentials(session.credentialType).then(secretsOf, () => []);
	return [...new Set([...fresh, ...session.secrets])].sort((a, b) => b.length - a.length);
}
