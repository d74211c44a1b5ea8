/** The fetch every API call goes through: cookies, the CSRF header on unsafe methods,
 * and on a 401 one refresh of the session (a single refresh in flight: concurrent
 * requests wait for it) before the request is sent again. */
import { base } from '$app/paths';
import { CSRF_HEADER, needsCsrf, readCsrfToken } from './csrf';
import { NetworkError } from './errors';

export const REFRESH_PATH = '/api/v1/auth/refresh';
// A 401 from these means wrong credentials, not an expired session: never refresh.
const NO_REFRESH_PREFIX = '/api/v1/auth/';

export interface TransportOptions {
	fetch?: (request: Request) => Promise<Response>;
	readCsrf?: () => string | null;
	/** Called when the session is gone (the refresh failed too). */
	onSessionLost?: () => void;
}

export function createTransport(options: TransportOptions = {}) {
	const send = options.fetch ?? ((input: Request) => globalThis.fetch(input));
	const readCsrf = options.readCsrf ?? (() => readCsrfToken());
	let refreshing: Promise<boolean> | null = null;

	async function raw(request: Request): Promise<Response> {
		if (needsCsrf(request.method)) {
			const token = readCsrf();
			if (token) request.headers.set(CSRF_HEADER, token);
		}
		try {
			return await send(request);
		} catch (cause) {
			if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
			throw new NetworkError(cause);
		}
	}

	/** One refresh at a time; every caller waiting on a 401 shares its outcome. */
	function refresh(): Promise<boolean> {
		refreshing ??= raw(refreshRequest())
			.then((r) => r.ok)
			.catch(() => false)
			.finally(() => {
				refreshing = null;
			});
		return refreshing;
	}

	async function transport(request: Request): Promise<Response> {
		const retry = request.clone();
		const response = await raw(request);
		// No CSRF cookie: this browser has no session to refresh.
		const refreshable = readCsrf() !== null && !new URL(request.url).pathname.startsWith(base + NO_REFRESH_PREFIX);
		if (response.status !== 401 || !refreshable) {
			return response;
		}
		if (await refresh()) return raw(retry);
		options.onSessionLost?.();
		return response;
	}

	return { fetch: transport, refresh };
}

function refreshRequest(): Request {
	return new Request(apiOrigin() + REFRESH_PATH, {
		method: 'POST',
		credentials: 'same-origin',
		headers: { 'content-type': 'application/json' },
		body: '{}' // the refresh token is the httpOnly cookie
	});
}

/** Where the API is: this page's origin plus the path prefix the app is served under
 * (`base`, e.g. "/revenge" behind a proxy; "" at the root). */
export function apiOrigin(): string {
	return (typeof location === 'undefined' ? 'http://localhost' : location.origin) + base;
}
