/**
 * Every request to the API, in the order it happens:
 * - `session.ts`: which credential, and which server (only those SAFE_URL_PATTERN allows);
 * - `url.ts`: where a request may go (under the API base, on its origin);
 * - `request.ts`: the request loop, paced by `pacing.ts`, that sends once (`send.ts`) and lets
 *   `decide.ts` say what comes next;
 * - `errors.ts`: the error the user reads, without the credential's secrets;
 * - `pagination.ts` and `download.ts` build on the loop.
 */
export { apiRequest, DEFAULT_RETRY } from './request';
export { asNodeError } from './errors';
export { Pacer, pacerFor } from './pacing';
export { getRecords, iteratePages } from './pagination';
export type { Page } from './pagination';
export { downloadCloudFile } from './download';
export type { CloudFile } from './download';
export { getSession } from './session';
export { leavesPath } from './url';
export type { ApiContext, ApiRequest, ApiResponse, RequestSubject, RetryOptions } from './types';
