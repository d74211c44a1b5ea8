/** The admin console beyond libraries (issue 17): users and roles made and changed in the
 * UI, an MFA reset that lets the person in with the password alone and shows in the audit
 * log, and the dashboard following a movie being played in another browser and a scan's
 * job while it runs. Its own server: the dashboard counts every session and job. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import {
	call, clipLibrary, expect, newUser, openPlayer, serverWorker, signIn, signInThroughForm, submitPassword, test, totp, VIEWPORTS, type Account
} from './harness';

const ADMIN_PAGES = ['/admin', '/admin/libraries', '/admin/users', '/admin/roles', '/admin/jobs', '/admin/audit'];

test.use({ serverEnv: { E2E_SERVER: 'admin-console' } });

/** Every value the card's progress bar shows, with the scan's status at that moment,
 * recorded in the page from the moment the bar appears (polling could miss a step). */
async function recordProgress(page: Page): Promise<void> {
	await page.evaluate(() => {
		const seen: [string, string][] = [];
		(window as unknown as { __progress: [string, string][] }).__progress = seen;
		const note = () => {
			const box = document.querySelector('[data-testid="scan-progress"]');
			const bar = box?.querySelector('[role="progressbar"]');
			if (!box || !bar) return;
			const entry: [string, string] = [box.getAttribute('data-status') ?? '', bar.getAttribute('aria-valuenow') ?? ''];
			const last = seen[seen.length - 1];
			if (!last || last[0] !== entry[0] || last[1] !== entry[1]) seen.push(entry);
		};
		new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
		note();
	});
}

/** A folder of `count` empty video files, one movie each: a scan of it lasts long enough
 * to be watched. Removed after use, so the probing the scan queues finds nothing to read. */
function manyFiles(into: string, name: string, count: number): string {
	const folder = join(into, name);
	for (let i = 0; i < count; i++) {
		const dir = join(folder, `${name} ${i} (2001)`);
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${name} ${i} (2001).mkv`), '');
	}
	return folder;
}

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
	await page.getByRole('option', { name: 'Second factors reset by an administrator' }).click();
	const reset = page.getByTestId('audit-row').filter({ hasText: person.username });
	await expect(reset).toHaveCount(1);
	await expect(reset).toHaveAttribute('data-type', 'mfa.reset');
	await expect(reset).toContainText('Second factors reset by an administrator'); // words, not the code
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

	// A scan held running while the dashboard is looked at: the worker is paused (SIGSTOP)
	// once the job runs, so a fast machine cannot finish it between two polls.
	const folder = manyFiles(server.dataDir, 'Film', 4000);
	const worker = serverWorker(server);
	try {
		const library = await call(server, 'POST', '/api/v1/admin/libraries', { name: 'Many', paths: [folder] }, token);
		const status = async () => (await call(server, 'GET', `/api/v1/admin/jobs/${library.scan_job_id}`, undefined, token)).status;
		await expect.poll(status, { intervals: [20], timeout: 60_000 }).toBe('running');
		process.kill(worker, 'SIGSTOP');
		try {
			const running = page.getByTestId('jobs-active').getByTestId('job-row').filter({ hasText: 'scan' });
			await expect(running.first()).toBeVisible({ timeout: 30_000 });
			await expect(running.first().getByRole('progressbar')).toBeVisible();
			await shot('admin-dashboard-scan');
		} finally {
			process.kill(worker, 'SIGCONT');
		}
		await expect.poll(status, { timeout: 120_000 }).toBe('succeeded');
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});

test('a scan started on the Libraries page moves its progress bar to the end and shows the result', async ({ signedIn: page, server, shot }) => {
	test.setTimeout(180_000);
	const folder = manyFiles(server.dataDir, 'Reel', 3000);
	try {
		await page.goto('/admin/libraries');
		await expect(page.getByRole('heading', { level: 1, name: 'Libraries' })).toBeVisible();
		const addButton = page.getByRole('button', { name: 'Add library' });
		if (await addButton.isVisible()) await addButton.click();
		await page.getByRole('textbox', { name: 'Name' }).fill('Reels');
		await page.getByRole('textbox', { name: 'Folder 1' }).fill(folder);
		await recordProgress(page);
		await page.getByRole('button', { name: 'Add and scan' }).click();
		const card = page.getByTestId('library-card').filter({ hasText: 'Reels' });
		await expect(card.getByRole('progressbar', { name: 'Scan progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 120_000 });
		await expect(card.getByText('Scan finished')).toBeVisible();
		// The bar moved: the job was seen unfinished below 100 %, then done at 100 %.
		const seen = await page.evaluate(() => (window as unknown as { __progress: [string, string][] }).__progress);
		expect(seen.some(([status, value]) => (status === 'queued' || status === 'running') && Number(value) < 100), JSON.stringify(seen)).toBe(true);
		expect(seen[seen.length - 1]).toEqual(['succeeded', '100']);
		await expect(card.getByTestId('scan-new')).toHaveText('3000');
		await shot('admin-library-big-scan');
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
