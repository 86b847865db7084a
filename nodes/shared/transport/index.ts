export { apiRequest, DEFAULT_RETRY } from './request';
export { asNodeError } from './errors';
export { Pacer, pacerFor } from './pacing';
export { getRecords, iteratePages } from './pagination';
export type { Page } from './pagination';
export { downloadCloudFile } from './download';
export type { CloudFile } from './download';
export { getSession } from './session';
export type { ApiContext, ApiRequest, ApiResponse, RequestSubject, RetryOptions } from './types';
