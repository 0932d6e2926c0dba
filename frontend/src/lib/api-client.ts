import createClient from 'openapi-fetch';
import type { components, paths } from '@/api/schema';
import { i18n } from '@/lib/i18n';

type Problem = components['schemas']['Problem'];

/** A failed API call, reduced to what the UI needs: a readable message and per-field messages. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Seconds to wait before trying again, from a `Retry-After` header (e.g. a locked account). */
  readonly retryAfter: number | undefined;

  constructor(
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** The problem's stable code (e.g. `plan.not-found`), or `http.<status>` / `network`. */
    readonly code: string,
    /** A sentence to show the user. */
    readonly detail: string,
    /** Field path (as the API names it) → message, for placing errors next to form inputs. */
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    options?: ErrorOptions & { retryAfter?: number },
  ) {
    super(detail, options);
    this.retryAfter = options?.retryAfter;
  }
}

export const apiClient = createClient<paths>({
  // An absolute base keeps requests same-origin in the browser and lets Request() parse the URL
  // outside one (tests).
  baseUrl: globalThis.location?.origin ?? '',
  // Looked up per request, so a fetch wrapped after this module loads (mocks, tracing) is used.
  fetch: (request) => globalThis.fetch(request),
});
// The Authorization header and token refresh are added by the middleware in '@/lib/auth'.

apiClient.use({
  onRequest({ request }) {
    // Lets the backend answer problem details in the language the user reads.
    request.headers.set('Accept-Language', i18n.language);
    return request;
  },
});

function fallbackDetail(status: number): string {
  if (status === 400 || status === 422) return i18n.t('errors.badRequest');
  if (status === 401) return i18n.t('errors.unauthorized');
  if (status === 403) return i18n.t('errors.forbidden');
  if (status === 404) return i18n.t('errors.notFound');
  if (status === 409 || status === 412) return i18n.t('errors.conflict');
  if (status >= 500) return i18n.t('errors.server', { status });
  return i18n.t('errors.unknown', { status });
}

function asProblem(response: Response, body: unknown): Partial<Problem> | undefined {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json') || typeof body !== 'object' || body === null) return undefined;
  // Every member is optional, so any JSON object is read defensively as a problem.
  return body;
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `Retry-After` as seconds from now; the header holds either seconds or an HTTP date. */
function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns a non-2xx response and its (already parsed) body into an ApiError. */
export function toApiError(response: Response, body: unknown): ApiError {
  const problem = asProblem(response, body);
  const fieldErrors: Record<string, string> = {};
  for (const error of Array.isArray(problem?.errors) ? problem.errors : []) {
    if (typeof error?.field !== 'string') continue;
    const message = nonBlank(error.detail) ?? fallbackDetail(response.status);
    fieldErrors[error.field] = fieldErrors[error.field]
      ? `${fieldErrors[error.field]} ${message}`
      : message;
  }
  return new ApiError(
    response.status,
    nonBlank(problem?.code) ?? `http.${response.status}`,
    nonBlank(problem?.detail) ?? nonBlank(problem?.title) ?? fallbackDetail(response.status),
    fieldErrors,
    { retryAfter: retryAfterSeconds(response) },
  );
}

/** For a request that never got a response (offline, DNS, refused connection, CORS). */
export function toNetworkError(cause: unknown): ApiError {
  return new ApiError(0, 'network', i18n.t('errors.network'), {}, { cause });
}

/** What to show for any error a query or mutation rejects with. */
export function readableError(error: unknown): string {
  return error instanceof ApiError ? error.detail : i18n.t('errors.unexpected');
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

type ClientResult<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an apiClient call: resolves with the data or rejects with an ApiError. */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<T> {
  let result: ClientResult<T>;
  try {
    result = await call;
  } catch (cause) {
    // Cancellation (e.g. a superseded query) must stay recognisable as such, and an answer already
    // read as an ApiError (a failed token refresh) keeps its own status.
    if (isAbort(cause) || cause instanceof ApiError) throw cause;
    throw toNetworkError(cause);
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}
