/** Direct API calls for setting up a journey (the browser does the part under test). */
import type { RunningServer } from './server';

export interface Account {
	username: string;
	email: string;
	password: string;
	display_name?: string;
}

export const ADMIN: Account = {
	username: 'admin',
	email: 'admin@example.com',
	password: 'correct horse battery staple',
	display_name: 'Ada Admin'
};

export async function call(server: RunningServer, method: string, path: string, body?: unknown, token?: string) {
	const response = await fetch(`${server.url}${path}`, {
		method,
		headers: {
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
			...(token ? { authorization: `Bearer ${token}` } : {})
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	const json = text ? JSON.parse(text) : null;
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
	return json;
}

/** Registers the account (the first one becomes the administrator); idempotent. */
export async function ensureAccount(server: RunningServer, account: Account): Promise<void> {
	const response = await fetch(`${server.url}/api/v1/auth/register`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(account)
	});
	if (!response.ok && response.status !== 409) {
		throw new Error(`register ${account.username} → ${response.status}: ${await response.text()}`);
	}
}

/** An access token for API set-up calls (bearer: no cookies, no CSRF). */
export async function signIn(server: RunningServer, account: Account): Promise<string> {
	const pair = await call(server, 'POST', '/api/v1/auth/login', { username: account.username, password: account.password });
	return pair.access_token as string;
}

let users = 0;

/** A fresh ordinary account, created by the administrator (each MFA journey gets its own,
 * so enabling a factor never changes how the others sign in). */
export async function newUser(server: RunningServer, admin: Account, prefix = 'user'): Promise<Account> {
	users += 1;
	const name = `${prefix}${users}${Date.now() % 100_000}`;
	const account = { username: name, email: `${name}@example.com`, password: `a long passphrase for ${name}`, display_name: `${prefix} ${users}` };
	await call(server, 'POST', '/api/v1/admin/users', account, await signIn(server, admin));
	return account;
}
