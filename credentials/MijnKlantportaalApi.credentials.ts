import type {
	IAuthenticate,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import {
	baseUrlExpression,
	environmentProperties,
	PRODUCTION_API_BASE_URL,
	refusedServerUrl,
	serverUrl,
} from './shared';

export class MijnKlantportaalApi implements ICredentialType {
	name = 'mijnKlantportaalApi';

	displayName = 'MijnKlantportaal API';

	icon: Icon = {
		light: 'file:../icons/mijnklantportaal.svg',
		dark: 'file:../icons/mijnklantportaal.dark.svg',
	};

	documentationUrl = 'https://docs.developers.mijnklantportaal.nl/getting-started/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create a key in the manage portal under Settings → API Keys and tick the scopes your workflows need. The key is shown only once.',
		},
		...environmentProperties,
	];

	// Every API reference page sends `Authorization: Bearer`; only the auth guide's prose says
	// `Authentication`. We send the documented header alone: a second copy of the key in a
	// non-standard header would only widen where it can leak.
	//
	// A function rather than n8n's generic form, so that the key is attached only to requests for
	// the credential's own API origin, whichever node sends them, and so that a custom server
	// outside the allow-list is refused with a message that names its host: n8n's credential test
	// shows that message, where a request that fails on the network shows only an error code.
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const base = serverUrl(credentials, 'apiBaseUrl', PRODUCTION_API_BASE_URL);
		const refused = refusedServerUrl(base);
		if (refused) throw new UserError(refused);
		const origin = new URL(base).origin;
		const target = targetOf(requestOptions);
		if (target !== origin) {
			throw new UserError(
				`Refused to send the MijnKlantportaal API key to ${target}: only ${origin} receives it`,
			);
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.apiKey}` },
		};
	};

	// Any valid key passes, whatever its scopes: a 403 (scope missing) proves the key itself is
	// accepted, so only 401 and failures of the server or the URL count as errors. n8n's declarative
	// test cannot report a success with a message, so the missing scope is named by the node when it
	// is used (see the README).
	//
	// n8n 2.x honours `ignoreHttpStatusErrors: {ignore, except}` and throws on the listed codes,
	// which the `responseCode` rules turn into messages. n8n 1.x only knows the boolean form and
	// ignores every status, so the refused key reaches the `responseSuccessBody` rules: the API's
	// 401 body is undocumented, and these match both the `{code, message}` shape of its documented
	// 429 body and Laravel's default `{"message": "Unauthenticated."}`.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression('$credentials', 'apiBaseUrl', PRODUCTION_API_BASE_URL),
			url: '/customers',
			method: 'GET',
			disableFollowRedirect: true,
			ignoreHttpStatusErrors: { ignore: true, except: [401, 404, 429, 500, 502, 503, 504] },
		},
		rules: [
			responseCode(401, INVALID_KEY),
			responseCode(404, 'No MijnKlantportaal API answers at this base URL.'),
			responseCode(
				429,
				'The key is rate limited right now (60 requests per minute). Try again in a minute.',
			),
			successBody('code', 401, INVALID_KEY),
			successBody('message', 'Unauthenticated.', INVALID_KEY),
		] as ICredentialTestRequest['rules'],
	};
}

/** The origin a request goes to (`url`, or the legacy `uri`, against `baseURL`). */
function targetOf(options: { url?: string; uri?: string; baseURL?: string }): string {
	try {
		return new URL(options.url ?? options.uri ?? '', options.baseURL).origin;
	} catch {
		return 'an invalid URL';
	}
}

const INVALID_KEY =
	'The API key was not accepted. Check that it is copied whole and has not been revoked.';

function responseCode(value: number, message: string): IAuthenticateRuleResponseCode {
	return { type: 'responseCode', properties: { value, message } };
}

function successBody(
	key: string,
	value: string | number,
	message: string,
): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key, value, message } };
}
