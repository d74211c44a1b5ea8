/** The admin console beyond libraries (issue 17): users and roles made and changed in the
 * UI, an MFA reset that lets the person in with the password alone and shows in the audit
 * log, and the dashboard following a movie being played in another browser and a scan's
 * job while it runs. Its own server: the dashboard counts every session and job. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import {
	call, clipLibrary, expect, newUser, openPlayer, signIn, signInThroughForm, submitPassword, test, totp, VIEWPORTS, type Account
} from './harness';

const ADMIN_PAGES = ['/admin', '/admin/libraries', '/admin/users', '/admin/roles', '/admin/jobs', '/admin/audit'];

test.use({ serverEnv: { E2E_SERVER: 'admin-console' } });

async function signedInContext(browser: Browser, url: string, account: Account) {
	const context = await browser.newContext({ baseURL: url });
	const page = await context.newPage();
	await signInThroughForm(page, account);
	return { context, page };
}

test('an administrator creates a user and a custom role in the UI; built-in roles are read-only', async ({ signedIn: page, shot }) => {
	const stamp = Date.now() % 100_000;
	await page.getByRole('link', { name: 'Roles' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
	const builtin = page.getByTestId('role-card').filter({ has: page.getByRole('heading', { name: 'user', exact: true }) });
	await expect(builtin.getByText('Built in: read-only.')).toBeVisible();
	await expect(builtin.getByRole('checkbox', { name: 'library.read' })).toBeChecked();
	await expect(builtin.getByRole('checkbox', { name: 'library.read' })).toBeDisabled();

	await page.getByRole('button', { name: 'Add role' }).click();
	const editor = page.getByTestId('role-card').filter({ has: page.getByRole('heading', { name: 'New role' }) });
	await editor.getByRole('textbox', { name: 'Name' }).fill(`Curators ${stamp}`);
	await editor.getByRole('checkbox', { name: 'library.read' }).check();
	await editor.getByRole('checkbox', { name: 'audit.read' }).check();
	await editor.getByRole('button', { name: 'Create role' }).click();
	const curators = page.getByTestId('role-card').filter({ has: page.getByRole('heading', { name: `Curators ${stamp}` }) });
	await expect(curators.getByRole('checkbox', { name: 'audit.read' })).toBeChecked();
	await expect(curators.getByRole('checkbox', { name: 'library.manage' })).not.toBeChecked();

	await page.getByRole('link', { name: 'Users' }).click();
	await page.getByRole('button', { name: 'Create user' }).click();
	const dialog = page.getByRole('dialog');
	const name = `curator${stamp}`;
	await dialog.getByRole('textbox', { name: 'Username' }).fill(name);
	await dialog.getByRole('textbox', { name: 'E-mail' }).fill(`${name}@example.com`);
	await dialog.getByLabel('Password', { exact: true }).fill('short');
	await dialog.getByRole('checkbox', { name: `Curators ${stamp}` }).check();
	await dialog.getByRole('button', { name: 'Create user' }).click();
	// The server's password rule, on the password field; nothing created.
	await expect(page.locator('#new-user-password-error')).toBeVisible();
	await dialog.getByLabel('Password', { exact: true }).fill(`a long passphrase for ${name}`);
	await dialog.getByRole('button', { name: 'Create user' }).click();
	const row = page.getByTestId('user-row').filter({ hasText: name });
	await expect(row).toContainText(`Curators ${stamp}`);
	await expect(row.getByTestId('user-mfa')).toHaveText('Off');
	await shot('admin-users');

	// Disable, then enable again.
	await row.getByRole('button', { name: `Actions for ${name}` }).click();
	await page.getByRole('menuitem', { name: 'Disable' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
	await expect(row.getByTestId('user-state')).toHaveText('Disabled');
	await row.getByRole('button', { name: `Actions for ${name}` }).click();
	await page.getByRole('menuitem', { name: 'Enable' }).click();
	await expect(row.getByTestId('user-state')).toHaveText('Active');
});

test('after an MFA reset the person signs in with the password alone, and the audit log shows it', async ({ browser, signedIn: page, server, admin, shot }) => {
	// A person with TOTP on (set up through the API: the UI of that is tested elsewhere).
	const person = await newUser(server, admin, 'locked');
	const token = await signIn(server, person);
	const setup = await call(server, 'POST', '/api/v1/mfa/totp/setup', {}, token);
	await call(server, 'POST', '/api/v1/mfa/totp/verify', { code: totp(setup.secret) }, token);
	const probe = await browser.newContext({ baseURL: server.url });
	const probePage = await probe.newPage();
	await submitPassword(probePage, person);
	await expect(probePage.getByRole('heading', { level: 1, name: 'Second step' })).toBeVisible();
	await probe.close();

	await page.goto('/admin/users');
	const row = page.getByTestId('user-row').filter({ hasText: person.username });
	await expect(row.getByTestId('user-mfa')).toHaveText('On');
	await row.getByRole('button', { name: `Actions for ${person.username}` }).click();
	await page.getByRole('menuitem', { name: 'Reset two-step sign-in' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Reset two-step sign-in' }).click();
	await expect(row.getByTestId('user-mfa')).toHaveText('Off');

	const { context } = await signedInContext(browser, server.url, person); // password only
	await context.close();

	await page.getByRole('link', { name: 'Audit log' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
	await page.getByRole('combobox', { name: 'Event' }).click();
	await page.getByRole('option', { name: 'mfa.reset' }).click();
	const reset = page.getByTestId('audit-row').filter({ hasText: person.username });
	await expect(reset).toHaveCount(1);
	await expect(reset).toHaveAttribute('data-type', 'mfa.reset');
	await expect(reset.getByTestId('audit-actor')).toHaveText(admin.username);
	await shot('admin-audit-mfa-reset');
});

test('the dashboard shows a movie playing in another browser, and a scan job while it runs', async ({ browser, signedIn: page, server, admin, shot }) => {
	test.setTimeout(180_000);
	const token = await signIn(server, admin);
	const ids = await clipLibrary(server, token);
	await page.getByRole('link', { name: 'Dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
	await expect(page.getByTestId('health-check').first()).toBeVisible();
	await expect(page.getByTestId('count-movies')).not.toHaveText('0');

	const viewer = await newUser(server, admin, 'viewer');
	const { context, page: player } = await signedInContext(browser, server.url, viewer);
	const method = await openPlayer(player, ids.direct);
	const session = page.getByTestId('session-row').filter({ hasText: viewer.username });
	await expect(session).toBeVisible();
	await expect(session.getByTestId('session-movie')).toHaveText('Direct Clip');
	await expect(session.getByTestId('session-method')).toHaveText({ direct: 'Direct play', remux: 'Remux', transcode: 'Transcode' }[method] ?? method);
	await shot('admin-dashboard-playing');
	await context.close();

	// A scan big enough to be watched: thousands of (empty) files, each its own movie. They
	// are removed once it is done, so the probing it queues finds nothing to read.
	const folder = join(server.dataDir, 'many');
	for (let i = 0; i < 4000; i++) {
		const dir = join(folder, `Film ${i} (2001)`);
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `Film ${i} (2001).mkv`), '');
	}
	try {
		const library = await call(server, 'POST', '/api/v1/admin/libraries', { name: 'Many', paths: [folder] }, token);
		const running = page.getByTestId('jobs-active').getByTestId('job-row').filter({ hasText: 'scan' });
		await expect(running.first()).toBeVisible({ timeout: 30_000 });
		await expect(running.first().getByRole('progressbar')).toBeVisible();
		await shot('admin-dashboard-scan');
		await expect
			.poll(async () => (await call(server, 'GET', `/api/v1/admin/jobs/${library.scan_job_id}`, undefined, token)).status, { timeout: 120_000 })
			.toBe('succeeded');
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});

for (const viewport of VIEWPORTS) {
	test(`every admin page at ${viewport.width}×${viewport.height}: one h1, fits the screen, no serious axe finding`, async ({ signedIn: page, shot }) => {
		test.setTimeout(180_000);
		await page.setViewportSize(viewport);
		for (const path of ADMIN_PAGES) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
			await expect(page.getByTestId('forbidden'), path).toHaveCount(0);
			await expect(page.locator('[aria-busy="true"]'), path).toHaveCount(0);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), path).toEqual([]);
			await shot(`admin${path.slice('/admin'.length).replace(/\//g, '-') || '-dashboard'}`);
		}
	});
}
