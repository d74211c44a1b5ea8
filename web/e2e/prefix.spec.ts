/** The web app behind a real reverse proxy under a path prefix: Debian's nginx publishes
 * `revenge serve` at http://localhost:PORT/revenge/ and strips the prefix on the way in
 * (harness/proxy.ts); REVENGE_PUBLIC_URL names the prefix, so the server fills it into
 * index.html. The same build as every other spec (served at `/` there). */
import type { Page, Request } from '@playwright/test';
import {
	addVirtualAuthenticator,
	ADMIN,
	clipLibrary,
	ensureAccount,
	expect,
	freePort,
	newUser,
	nginxAvailable,
	signIn,
	startPrefixProxy,
	startServer,
	test as base,
	type RunningProxy,
	type RunningServer,
	waitPlaying
} from './harness';

const PREFIX = '/revenge';

interface Proxied {
	/** The app's address as people see it: http://localhost:PORT/revenge */
	app: string;
	proxy: RunningProxy;
	/** The server, with `url` pointed through the proxy (API set-up goes the same way). */
	server: RunningServer;
}

const test = base.extend<object, { proxied: Proxied }>({
	proxied: [
		async ({}, use) => {
			const port = await freePort();
			const app = `http://localhost:${port}${PREFIX}`;
			const server = await startServer({ env: { REVENGE_PUBLIC_URL: app } });
			let proxy: RunningProxy | undefined;
			try {
				proxy = await startPrefixProxy(port, PREFIX, server.port);
				const proxiedServer = { ...server, url: app };
				await ensureAccount(proxiedServer, ADMIN);
				await use({ app, proxy, server: proxiedServer });
			} finally {
				await proxy?.stop();
				await server.stop();
			}
		},
		{ scope: 'worker', timeout: 150_000 }
	]
});

test.use({
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required']
	}
});

test.skip(!nginxAvailable(), 'nginx is not installed (./dev.sh installs nginx-light as root)');

/** Every request the page makes, to check none escapes the prefix (nginx answers 404 there). */
function recordRequests(page: Page, origin: string): { seen: () => string[]; outside: () => string[]; failed: () => string[] } {
	const seen: string[] = [];
	const failed: string[] = [];
	page.on('request', (r: Request) => seen.push(r.url()));
	page.on('response', (r) => {
		// 401: the session probe before signing in; anything else is a broken URL.
		if (r.status() >= 400 && r.status() !== 401) failed.push(`${r.status()} ${r.url()}`);
	});
	// Aborted ones are left out: a navigation (or the player) cancelled them, they did not fail.
	page.on('requestfailed', (r) => {
		if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.failure()?.errorText} ${r.url()}`);
	});
	return {
		seen: () => seen,
		outside: () => seen.filter((u) => u.startsWith(origin) && !u.startsWith(`${origin}${PREFIX}/`)),
		failed: () => failed
	};
}

test('under a path prefix the app loads, signs in, navigates and registers a passkey with the proxy origin', async ({ page, proxied, shot }) => {
	const { app } = proxied;
	const requests = recordRequests(page, proxied.proxy.origin);
	await addVirtualAuthenticator(page);
	const user = await newUser(proxied.server, ADMIN, 'prefixed');

	// A deep link while signed out: to the sign-in page under the prefix, and back after.
	await page.goto(`${app}/settings/security`);
	await expect(page).toHaveURL(`${app}/login?next=${encodeURIComponent('/settings/security')}`);
	await page.getByLabel('Username or e-mail').fill(user.username);
	await page.getByLabel('Password', { exact: true }).fill(user.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page).toHaveURL(`${app}/settings/security`);

	// The passkey: WebAuthn sees the proxy's origin (http://localhost:PORT), the server's
	// relying party comes from REVENGE_PUBLIC_URL.
	await page.getByLabel('Name of the key').fill('Proxied passkey');
	await page.getByRole('button', { name: 'Register a key or passkey' }).click();
	await expect(page.getByTestId('security-key-row')).toContainText('Proxied passkey');

	// Client-side navigation through the sidebar and the brand link stays under the prefix.
	const nav = page.getByRole('navigation', { name: 'Main' });
	await nav.getByRole('link', { name: 'Movies' }).click();
	await expect(page).toHaveURL(`${app}/movies`);
	await expect(page.getByRole('heading', { level: 1, name: 'Movies' })).toBeVisible();
	await nav.getByRole('link', { name: 'Account' }).click();
	await expect(page).toHaveURL(`${app}/settings/account`);
	await page.getByRole('link', { name: 'Revenge' }).first().click();
	await expect(page).toHaveURL(`${app}/`);
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await shot('prefix-home');

	// A reload of a deep link is answered with the app by the server behind the proxy.
	await page.goto(`${app}/settings/sessions`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page).toHaveURL(`${app}/settings/sessions`);

	// Signed out, the passkey alone signs in again (its origin matched the proxy's).
	await page.getByRole('button', { name: /^Account menu/ }).click();
	await page.getByRole('menuitem', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(`${app}/login`);
	await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
	await expect(page).toHaveURL(`${app}/`);
	await expect(page.getByText(`Welcome, ${user.display_name}.`)).toBeVisible();

	expect(requests.outside()).toEqual([]);
	expect(requests.failed()).toEqual([]);
});

test('index.html names its base, and every file it links loads through the proxy under the prefix', async ({ proxied }) => {
	const page = await fetch(`${proxied.app}/movies`, { headers: { accept: 'text/html' } });
	expect(page.status).toBe(200);
	const html = await page.text();
	expect(html).toContain(`<meta name="revenge-base" content="${PREFIX}"`);
	const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
	expect(links.length).toBeGreaterThan(2);
	for (const link of links) {
		expect(link.startsWith(`${PREFIX}/`), link).toBe(true);
		expect((await fetch(`${proxied.proxy.origin}${link}`)).status, link).toBe(200);
	}
});

test('the player plays through the proxy under the prefix: direct play and HLS (hls.js)', async ({ page, proxied }) => {
	test.setTimeout(240_000);
	const { app } = proxied;
	const ids = await clipLibrary(proxied.server, await signIn(proxied.server, ADMIN));
	const requests = recordRequests(page, proxied.proxy.origin);
	await page.goto(`${app}/login`);
	await page.getByLabel('Username or e-mail').fill(ADMIN.username);
	await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page).toHaveURL(`${app}/`);
	for (const [clip, method] of [['direct', 'direct'], ['remux', 'remux']] as const) {
		await page.goto(`${app}/movies/${ids[clip]}`);
		await page.getByTestId('play').click();
		await expect(page).toHaveURL(new RegExp(`^${app}/play/${ids[clip]}`));
		await waitPlaying(page);
		await expect(page.getByTestId('player')).toHaveAttribute('data-method', method);
	}
	const media = requests.seen().filter((u) => u.includes('/api/v1/playback/sessions/'));
	expect(media.some((u) => u.includes('/direct?'))).toBe(true);
	expect(media.some((u) => u.includes('/hls/'))).toBe(true);
	expect(requests.outside()).toEqual([]);
	expect(requests.failed()).toEqual([]);
});

test('under a path prefix the admin console pages load and link within the prefix', async ({ page, proxied }) => {
	const { app } = proxied;
	const requests = recordRequests(page, proxied.proxy.origin);
	await page.goto(`${app}/login`);
	await page.getByLabel('Username or e-mail').fill(ADMIN.username);
	await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page).toHaveURL(`${app}/`);
	const nav = page.getByRole('navigation', { name: 'Main' });
	const pages: [string, string, string][] = [
		['Dashboard', '/admin', 'Dashboard'], ['Libraries', '/admin/libraries', 'Libraries'], ['Users', '/admin/users', 'Users'],
		['Roles', '/admin/roles', 'Roles'], ['Jobs', '/admin/jobs', 'Jobs'], ['Audit log', '/admin/audit', 'Audit log']
	];
	for (const [link, path, heading] of pages) {
		await nav.getByRole('link', { name: link, exact: true }).click();
		await expect(page).toHaveURL(`${app}${path}`);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
	}
	// The dashboard's links stay under the prefix too.
	await nav.getByRole('link', { name: 'Dashboard', exact: true }).click();
	await page.getByRole('link', { name: 'All jobs' }).click();
	await expect(page).toHaveURL(`${app}/admin/jobs`);
	expect(requests.outside()).toEqual([]);
	expect(requests.failed()).toEqual([]);
});
