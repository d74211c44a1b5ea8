import { describe, expect, it, vi } from 'vitest';
import { readCsrfToken } from './csrf';
import { NetworkError } from './errors';
import { createTransport, REFRESH_PATH } from './transport';

const ORIGIN = 'http://localhost';

function request(path: string, method = 'GET'): Request {
	return new Request(`${ORIGIN}${path}`, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
}

/** A fake server: /users/me answers 401 until a refresh happened. */
function fakeServer({ refreshOk = true, refreshDelay = 0 } = {}) {
	const calls: { path: string; method: string; csrf: string | null }[] = [];
	let refreshed = false;
	const fetch = vi.fn(async (req: Request) => {
		const path = new URL(req.url).pathname;
		calls.push({ path, method: req.method, csrf: req.headers.get('X-CSRF-Token') });
		if (path === REFRESH_PATH) {
			await new Promise((r) => setTimeout(r, refreshDelay));
			refreshed = refreshOk;
			return new Response(null, { status: refreshOk ? 200 : 401 });
		}
		return new Response('{}', { status: refreshed ? 200 : 401 });
	});
	return { fetch, calls };
}

describe('transport', () => {
	it('sends the CSRF cookie in the X-CSRF-Token header on unsafe methods only', async () => {
		const server = fakeServer({});
		const { fetch } = createTransport({ fetch: server.fetch, readCsrf: () => 'tok' });
		await fetch(request('/api/v1/auth/logout', 'POST'));
		await fetch(request('/api/v1/auth/login'));
		expect(server.calls.map((c) => c.csrf)).toEqual(['tok', null]);
	});

	it('refreshes once on a 401 and sends the request again', async () => {
		const server = fakeServer();
		const { fetch } = createTransport({ fetch: server.fetch, readCsrf: () => 'tok' });
		const response = await fetch(request('/api/v1/users/me'));
		expect(response.status).toBe(200);
		expect(server.calls.map((c) => c.path)).toEqual(['/api/v1/users/me', REFRESH_PATH, '/api/v1/users/me']);
	});

	it('concurrent 401s share a single refresh in flight', async () => {
		const server = fakeServer({ refreshDelay: 20 });
		const { fetch } = createTransport({ fetch: server.fetch, readCsrf: () => 'tok' });
		const responses = await Promise.all([1, 2, 3].map(() => fetch(request('/api/v1/users/me'))));
		expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(server.calls.filter((c) => c.path === REFRESH_PATH)).toHaveLength(1);
	});

	it('reports the session lost when the refresh fails too', async () => {
		const server = fakeServer({ refreshOk: false });
		const onSessionLost = vi.fn();
		const { fetch } = createTransport({ fetch: server.fetch, readCsrf: () => 'tok', onSessionLost });
		expect((await fetch(request('/api/v1/users/me'))).status).toBe(401);
		expect(onSessionLost).toHaveBeenCalledOnce();
	});

	it('never refreshes for a wrong password (a 401 from /auth/ itself)', async () => {
		const server = fakeServer();
		const { fetch } = createTransport({ fetch: server.fetch, readCsrf: () => 'tok' });
		expect((await fetch(request('/api/v1/auth/login', 'POST'))).status).toBe(401);
		expect(server.calls.map((c) => c.path)).toEqual(['/api/v1/auth/login']);
	});

	it('does not try to refresh a browser that has no session cookie at all', async () => {
		const server = fakeServer();
		const { fetch } = createTransport({ fetch: server.fetch, readCsrf: () => null });
		expect((await fetch(request('/api/v1/users/me'))).status).toBe(401);
		expect(server.calls).toHaveLength(1);
	});

	it('turns a failed connection into a NetworkError', async () => {
		const { fetch } = createTransport({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
		await expect(fetch(request('/api/v1/users/me'))).rejects.toBeInstanceOf(NetworkError);
	});
});

describe('readCsrfToken', () => {
	it('reads the plain cookie', () => {
		expect(readCsrfToken('a=1; revenge_csrf=abc; b=2')).toBe('abc');
	});

	it('prefers the __Host- cookie the server sets over https', () => {
		expect(readCsrfToken('revenge_csrf=old; __Host-revenge_csrf=new')).toBe('new');
	});

	it('is null without one', () => {
		expect(readCsrfToken('other=1')).toBeNull();
	});
});
