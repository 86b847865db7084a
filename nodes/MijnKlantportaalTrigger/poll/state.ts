/**
 * The trigger's state: its whole shape, and how it is kept in n8n's node static data
 * (`getWorkflowStaticData('node')`, one key). It is replaced as a whole, only at the end of a poll
 * that succeeded, and never mutated in place (n8n observes only the assignment). Why that is right
 * under both of n8n's persistence paths: README-algorithm.md §8. Timestamps are Unix seconds.
 */
import type { IDataObject } from 'n8n-workflow';
import type { TriggerEvent } from '../events';

export const STATE_KEY = 'mijnKlantportaalTrigger';
/** Raised whenever the shape changes: a stored state of any other version is re-seeded. */
export const STATE_VERSION = 2;

export interface TriggerState {
	/** Format version, STATE_VERSION. */
	version: typeof STATE_VERSION;
	/** The event the state was built for; a state of another event is re-seeded. */
	event: string;
	/** The order the list showed last: a hint, each poll checks it (§2). */
	listOrder?: ListOrder;
	/** The rate limit the API reported last (`X-RateLimit-Limit`), until a poll learns it (§7). */
	rateLimit?: number;
	/** Events on a paginated list: where the new-record walk stands (§3). */
	newRecords?: NewRecordsState;
	/** "Field changed" events: the watched records and the pass over the list (§4). */
	changes?: ChangesState;
	/** Payment and punch-card-issued events: the watched parents and their sub-lists (§5). */
	subLists?: SubListsState;
	/** Appointment events: every appointment in the window (§6). */
	window?: WindowState;
}

/** `oldestFirst`: ascending timestamps (creation order); `newestFirst`: its reverse. */
export type ListOrder = 'oldestFirst' | 'newestFirst';

/** Record ids by the timestamp they were created at: `[[ts, id, id…], …]`, oldest first. */
export type IdsByTs = Array<[ts: number, ...ids: string[]]>;

export interface NewRecordsState {
	/** The newest timestamp handled (emitted, or taken as existing at seeding); -1: none yet. */
	newestTs: number;
	/**
	 * A record at or after this timestamp is handled exactly when it is in `knownIds`; an older one
	 * is never emitted. After a poll it is the `newestTs` the poll started from (the overlap).
	 */
	lowMark: number;
	/** The handled records from `lowMark` on: at most 500 ids plus those of the newest second. */
	knownIds: IdsByTs;
	/** Oldest first: the page where the list ended last; the next walk starts there. */
	pageHint?: number;
	/** Newest first: the part of a backlog the budget left unread. */
	gap?: Gap;
	/** Seeding an oldest-first list has not found its end yet; it goes on from `pageHint`. */
	seekingEnd?: true;
}

/** A newest-first backlog: the records in [bottom, top] not yet handled, read down from `top`. */
export interface Gap {
	/** The oldest timestamp in the gap (the low mark when it opened). */
	bottom: number;
	/** The timestamp reading resumes at; the top region shares this second (§3). */
	top: number;
	/** The records at `top` already handled. */
	idsAtTop: string[];
	/** The records below `top` handled before the gap opened. */
	knownIds: IdsByTs;
	/** The page where reading resumes (a hint: pages shift as records come and go). */
	page: number;
}

/** A pass over a whole list, page by page, spread over as many polls as the budget needs. */
export interface PassState {
	/** The page the pass reads next. */
	page: number;
	/** Passes are numbered from 0; an entry notes the pass that saw it last. */
	number: number;
	/** Set once a whole pass has ended (for changes: the baseline is complete). */
	completed?: true;
}

export interface ChangesState {
	/**
	 * Records not in a final state, at most "Max Watched Records": id → [fingerprint of the watched
	 * field (fingerprint.ts), number of the pass that saw the record last].
	 */
	watched: Record<string, [fingerprint: string, seenInPass: number]>;
	pass: PassState;
}

export interface SubListsState {
	/** Parents whose sub-list can still grow, at most "Max Watched Records", by id. */
	parents: Record<string, WatchedParent>;
	/** The pass over the parent list: finds the parents of before activation, and those done. */
	pass: PassState;
	/** The parent read last in round-robin order. */
	lastRead?: string;
}

export interface WatchedParent {
	/** The number of the parent pass that saw the parent last. */
	seenInPass: number;
	/**
	 * Where its sub-list stands, in the usual case (children are never deleted, so there is no
	 * overlap): the newest child's timestamp, the sub-list's last page (0: not known yet), and the
	 * ids of the children at that timestamp. Absent until the first read, which takes the end as
	 * the start (a new parent starts at `[-1, 0]`: every child is new).
	 */
	subList?: [newestTs: number, page: number, ...idsAtNewest: string[]];
	/** Instead of `subList`, when the sub-list's walk has a gap or is still seeking its end. */
	subListWalk?: NewRecordsState;
	/** Read at the next chance: a new parent, a read the budget cut short, or a last read. */
	due?: true;
	/** It no longer grows its sub-list (a link no longer open): one last read, then dropped. */
	lastRead?: true;
}

export interface WindowState {
	/** Every appointment in the window (at most 2000): id → fingerprint of its status, or ''. */
	appointments: Record<string, string>;
	/**
	 * Appointments created before this count as existing: the newest `createdAt` at activation,
	 * at least n8n's clock − 5 minutes.
	 */
	seedTime: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isNewRecords = (value: unknown): boolean =>
	isObject(value) &&
	typeof value.newestTs === 'number' &&
	typeof value.lowMark === 'number' &&
	Array.isArray(value.knownIds);

const isWatching = (value: unknown, entries: string): boolean =>
	isObject(value) && isObject(value[entries]) && isObject(value.pass);

const isWindow = (value: unknown): boolean =>
	isObject(value) && isObject(value.appointments) && typeof value.seedTime === 'number';

/**
 * Whether a stored value is a state of this version and event, with its parts in the expected
 * form. Anything else (the short-keyed version 1, another event, a damaged value) is not read:
 * the trigger seeds afresh, as on a first activation.
 */
function isCurrent(value: unknown, event: TriggerEvent): value is TriggerState {
	if (!isObject(value) || value.version !== STATE_VERSION || value.event !== event.value)
		return false;
	if (value.changes !== undefined && !isWatching(value.changes, 'watched')) return false;
	if (value.subLists !== undefined && !isWatching(value.subLists, 'parents')) return false;
	return event.list.window ? isWindow(value.window) : isNewRecords(value.newRecords);
}

/** A plain copy of the stored state, or undefined when there is none for this event. */
export function loadState(staticData: IDataObject, event: TriggerEvent): TriggerState | undefined {
	const stored = staticData[STATE_KEY];
	if (!stored || typeof stored !== 'object') return undefined;
	const state = JSON.parse(JSON.stringify(stored)) as unknown;
	return isCurrent(state, event) ? state : undefined;
}

/** Replaces the stored state, if it changed. */
export function saveState(staticData: IDataObject, state: TriggerState): void {
	const next = JSON.stringify(state);
	if (JSON.stringify(staticData[STATE_KEY]) === next) return;
	staticData[STATE_KEY] = JSON.parse(next) as IDataObject;
}
