/** THE API client: typed from the server's OpenAPI (schema.d.ts), cookies + CSRF +
 * refresh through the transport. Pages use it through TanStack Query (see query.ts). */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiError, retryAfterSeconds, toProblem } from './errors';
import { apiOrigin, createTransport } from './transport';

export type Schemas = components['schemas'];

type SessionListener = () => void;
const sessionLost = new Set<SessionListener>();

/** Runs `listener` whenever a request finds the session gone (after a failed refresh). */
export function onSessionLost(listener: SessionListener): () => void {
	sessionLost.add(listener);
	return () => sessionLost.delete(listener);
}

export const transport = createTransport({
	onSessionLost: () => sessionLost.forEach((listener) => listener())
});

export const api = createClient<paths>({
	baseUrl: apiOrigin(), // the origin plus the path prefix the app is served under
	credentials: 'same-origin',
	fetch: transport.fetch
});

/** The data of an openapi-fetch result, or an ApiError built from the problem+json. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
	const { data, error, response } = await call;
	if (response.ok) return data as T;
	throw new ApiError(toProblem(error, response.status), retryAfterSeconds(response));
}
