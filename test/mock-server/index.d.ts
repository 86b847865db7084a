// Types of the programmatic handle (index.js). The implementation is plain CommonJS JavaScript.

export type Order = 'oldest-first' | 'newest-first';
export type FaultType = '500' | '502' | '503' | '429' | 'latency' | 'drop' | 'malformed' | 500 | 502 | 503 | 429;

export interface RateLimit {
	limit: number;
	windowSeconds: number;
}

export interface MockConfig {
	order: Order;
	rateLimit: RateLimit | null;
	expiresIn: number;
	rotateRefreshTokens: boolean;
	webhookDelete: boolean;
	cloudFileTtlSeconds: number;
	perPage: number;
}

export interface MockServerOptions {
	/** 0 (default) = any free port. */
	port?: number;
	storagePort?: number;
	/** PRNG seed for data and credentials (default 1). */
	seed?: number;
	/** Records seeded per resource at start (default 0; the CLI defaults to 20). */
	records?: number;
	order?: Order;
	/** null/'off' (default) disables; 'N/SECONDS' or an object enables. */
	rateLimit?: RateLimit | string | null;
	expiresIn?: number;
	rotateRefreshTokens?: boolean;
	webhookDelete?: boolean;
	cloudFileTtlSeconds?: number;
	/** Extra OAuth redirect URIs (the n8n callbacks on localhost/127.0.0.1:5678 are always registered). */
	redirectUris?: string[];
	/** Name shown on the consent page. */
	appName?: string;
	/** Start the mock clock at this time (it keeps ticking from there). */
	now?: string | number;
	logCapacity?: number;
	/** Replace helper B's route table (core tests only). */
	routes?: unknown[];
}

export interface LogEntry {
	seq: number;
	/** Mock-clock ms. */
	time: number;
	listener: 'api' | 'oauth' | 'storage';
	method: string;
	path: string;
	query: Record<string, string>;
	/** 0 when a 'drop' fault destroyed the socket. */
	status: number;
	/** `apiKey:<id>`, `oauth:<id>`, `none`, or `invalid:<unknown|expired|malformed>`; never the token. */
	credential: string;
	authHeader: 'authorization' | 'authentication' | null;
	contentType: string;
	body:
		| null
		| Record<string, unknown>
		| { size: number }
		| {
				fields: Record<string, string | string[]>;
				files: Array<{ field: string; filename: string; contentType: string; size: number; sha256: string }>;
		  };
	fault?: string;
	/** Token calls only. */
	clientAuth?: 'basic' | 'body';
	error?: string;
}

export interface Counters {
	requests: number;
	apiRequests: number;
	tokenCalls: { authorization_code: number; refresh_token: number; other: number };
	/** Every 429 sent (rate limiter and faults). */
	tooManyRequests: number;
	/** 429s from the rate limiter only. */
	rateLimited: number;
	faultsInjected: number;
	webhookDeliveries: number;
}

export interface FaultSpec {
	type: FaultType;
	/** Default 1. */
	count?: number;
	/** Glob on the URL path: `*` within a segment, `**` across segments. Or a RegExp. */
	pathPattern?: string | RegExp;
	pathRegex?: string;
	method?: string;
	phase?: 'before' | 'after';
	latencyMs?: number;
}

export interface RandomFaultSpec {
	rate: number;
	types: FaultType[];
	seed?: number;
	pathPattern?: string;
	pathRegex?: string;
	methods?: string[];
	phase?: 'before' | 'after';
	latencyMs?: number;
}

export interface Collection<T = Record<string, unknown>> {
	all(): readonly T[];
	get(id: string): T | undefined;
	insert(record: T): T;
	update(id: string, patch: Partial<T>): T | undefined;
	remove(id: string): boolean;
	readonly size: number;
}

export interface Store {
	resourceNames: readonly string[];
	collection<T = Record<string, unknown>>(name: string): Collection<T>;
	create<T = Record<string, unknown>>(name: string, overrides?: Record<string, unknown>): T;
	seed(name: string, count: number): number;
	seedAll(countPerResource: number): unknown;
	reset(seed?: number): void;
	blobs: Map<string, { data: Buffer; filename: string; mime: string }>;
	rng(): number;
}

export interface TokenSet {
	access_token: string;
	refresh_token?: string;
	expires_in: number;
}

export interface WebhookDelivery {
	webhookId: string;
	url: string;
	status: number | null;
	ok: boolean;
	error?: string;
}

export interface MockServer {
	apiBaseUrl: string;
	oauthBaseUrl: string;
	storageBaseUrl: string;
	adminUrl: string;
	port: number;
	apiKey: string;
	clientId: string;
	clientSecret: string;
	scopes: readonly string[];
	eventTypes: readonly string[];
	store: Store;
	config: MockConfig;
	clock: { now(): number; advance(seconds: number): number; set(time: string | number): number; readonly offsetMs: number };
	log: { entries(filter?: { since?: number; limit?: number }): LogEntry[]; clear(): void; readonly size: number; readonly lastSeq: number };
	counters: Counters;
	faults: {
		add(spec: FaultSpec): object;
		random(spec: RandomFaultSpec): object;
		clear(): void;
		list(): { rules: object[]; random: object | null };
	};
	createApiKey(scopes?: string[]): string;
	issueTokens(options?: { scopes?: string[]; expiresIn?: number }): Required<TokenSet>;
	expireAllTokens(): number;
	addClient(spec?: { name?: string; redirectUris?: string[]; clientId?: string; clientSecret?: string }): {
		clientId: string;
		clientSecret: string;
		name: string;
		redirectUris: string[];
	};
	addRedirectUri(uri: string, clientId?: string): Array<{ clientId: string; redirectUris: string[] }>;
	readonly lastAuthorize: { query: Record<string, string>; receivedAt: string } | null;
	updateConfig(patch: Partial<Omit<MockConfig, 'rateLimit'>> & { rateLimit?: RateLimit | string | null }): MockConfig;
	reset(options?: { seed?: number; order?: Order; records?: number }): { seed: number; order: Order; records: number };
	resetCounters(): void;
	fireWebhook(event: string, data?: unknown, options?: { signature?: 'secret' | 'hmac' | 'hex'; timeoutMs?: number }): Promise<WebhookDelivery[]>;
	close(): Promise<void>;
}

export function startMockServer(options?: MockServerOptions): Promise<MockServer>;
export const DEFAULT_REDIRECT_URIS: readonly string[];
