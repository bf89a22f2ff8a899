// Placeholder interface; the full client is being written (issue 4). Shape is fixed here.
import type { AppleMusicErrorObject } from './errors.js';

export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Use this MUT instead of the stored one; a 403 then does not sign the user out. */
  musicUserToken?: string;
}

export interface ApiResponse<T = unknown> {
  data: T;
  response: Response;
}

export interface ApiClientOptions {
  apiUrl: string;
  getDeveloperToken(signal?: AbortSignal): Promise<string>;
  /** Called once after a 401 to fetch a fresh developer token; absent when it cannot be refetched. */
  refreshDeveloperToken?: (signal?: AbortSignal) => Promise<string>;
  getMusicUserToken(): string | undefined;
  getStorefrontId(): string;
  /** A `/v1/me/…` call was answered 403: the stored MUT is no longer valid. */
  onUserTokenRejected(): void;
  fetch?: typeof fetch;
}

export class AppleMusicApi {
  constructor(readonly options: ApiClientOptions) {}
  async music<T = unknown>(_path: string, _query?: Query, _options?: RequestOptions): Promise<ApiResponse<T>> {
    throw new Error('not implemented');
  }
}
export type { AppleMusicErrorObject };
