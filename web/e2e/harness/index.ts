/** The fixtures every spec imports instead of '@playwright/test':
 *
 *   import { test, expect } from './harness';
 *   test('...', async ({ page, server, admin, signedIn, shot }) => { ... });
 *
 * `server`  one real `revenge serve` per worker (fresh data dir, free port); extra
 *           settings with `test.use({ serverEnv: { REVENGE_TMDB_BASE_URL: ... } })`
 * `admin`   the administrator account, created through the API on that server
 * `signedIn` a page already signed in as the admin (through the login form)
 * `shot(name)` saves test-results/screenshots/<name>-<viewport>.png
 * `baseURL` is the server, so `page.goto('/login')` works.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, ensureAccount, type Account } from './api';
import { startServer, WEB_DIR, type RunningServer } from './server';

export { expect };
export * from './api';
export * from './server';
export * from './totp';
export * from './outbox';
export * from './webauthn';
export * from './media';
export * from './clips';
export * from './player';
export * from './radarr';
export * from './a11y';
export * from './proxy';
export * from './processes';

export const SCREENSHOTS = join(WEB_DIR, 'test-results/screenshots');

interface WorkerFixtures {
	serverEnv: Record<string, string>;
	server: RunningServer;
	admin: Account;
}

interface TestFixtures {
	signedIn: Page;
	shot: (name: string) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
	serverEnv: [{}, { scope: 'worker', option: true }],
	server: [
		async ({ serverEnv }, use) => {
			const server = await startServer({ env: serverEnv });
			await use(server);
			await server.stop();
		},
		{ scope: 'worker', timeout: 150_000 }
	],
	admin: [
		async ({ server }, use) => {
			await ensureAccount(server, ADMIN);
			await use(ADMIN);
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ server }, use) => use(server.url),
	signedIn: async ({ page, admin }, use) => {
		await signInThroughForm(page, admin);
		await use(page);
	},
	shot: async ({ page }, use) => {
		mkdirSync(SCREENSHOTS, { recursive: true });
		await use(async (name: string) => {
			const size = page.viewportSize();
			await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size?.width}x${size?.height}.png`), fullPage: true });
		});
	}
});

/** Fills and sends the password form (stays on /login when a second step follows). */
export async function submitPassword(page: Page, account: Account, next = '/'): Promise<void> {
	await page.goto(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Username or e-mail').fill(account.username);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function signInThroughForm(page: Page, account: Account, next = '/'): Promise<void> {
	await submitPassword(page, account, next);
	await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: /^Account menu/ }).click();
	await page.getByRole('menuitem', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login/);
}

/** Both viewports the reviewers look at: desktop and a phone. */
export const VIEWPORTS = [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
] as const;
