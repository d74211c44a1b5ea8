/** The admin console's libraries (issue 17): an administrator adds a folder of generated
 * clips in the UI and watches its scan (the result, the file it left out and why, the
 * unmatched movies; the bar moving under a longer scan is watched in
 * admin-console.spec.ts); a bad folder is refused on its own field; a person
 * whose role lacks `library.manage` sees neither the entry nor the page, and a normal
 * user gets the 403 page on every /admin route of the app. Runs on the worker's shared
 * server (no TMDb: movies are named from their files and stay unmatched), four 1-second
 * clips, so it costs a few seconds. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { call, expect, makeClipLibrary, newUser, signIn, signInThroughForm, test, WEB_DIR, type Account } from './harness';

const CLIPS = ['Arrival (2016)/Arrival.2016.1080p.mkv', 'Sicario.2015.720p.mkv', 'Prisoners (2013).mp4'] as const;
const SAMPLE = 'Arrival (2016)/Arrival.2016.1080p-sample.mkv';
const TITLES = ['Arrival', 'Sicario', 'Prisoners'] as const;

/** The app's /admin pages, from its route files (a new page is walked without editing this). */
function adminRoutes(): string[] {
	const root = join(WEB_DIR, 'src/routes/(app)/admin');
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) return walk(path);
			return name === '+page.svelte' ? [dir] : [];
		});
	return walk(root).map((dir) => {
		const rest = relative(root, dir).split(sep).filter(Boolean);
		// A dynamic segment gets a made-up id: the page must refuse before it loads anything.
		return ['/admin', ...rest.map((part) => (part.startsWith('[') ? '0190a000-0000-7000-8000-000000000000' : part))].join('/');
	});
}

test('an administrator adds a library of clips, watches the scan and finds the movies', async ({ signedIn: page, server, admin, shot }) => {
	test.setTimeout(90_000);
	const clips = makeClipLibrary([...CLIPS, SAMPLE]);
	try {
		await page.getByRole('link', { name: 'Libraries' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Libraries' })).toBeVisible();
		const before = (await call(server, 'GET', '/api/v1/admin/libraries', undefined, await signIn(server, admin))).total;
		if (before > 0) await page.getByRole('button', { name: 'Add library' }).click();

		// A folder that does not exist: the server's message under that folder, nothing created.
		await page.getByRole('textbox', { name: 'Name' }).fill('Villeneuve');
		await page.getByRole('textbox', { name: 'Folder 1' }).fill(clips.dir);
		await page.getByRole('button', { name: 'Add another folder' }).click();
		await page.getByRole('textbox', { name: 'Folder 2' }).fill('/no/such/folder');
		await page.getByRole('button', { name: 'Add and scan' }).click();
		const folder2 = page.getByRole('textbox', { name: 'Folder 2' });
		await expect(folder2).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#library-path-1-error')).toContainText('/no/such/folder');
		await expect(page.locator('#library-path-0-error')).toHaveCount(0);
		await shot('admin-library-path-error');
		const token = await signIn(server, admin);
		expect((await call(server, 'GET', '/api/v1/admin/libraries', undefined, token)).total).toBe(before);

		// Without the bad folder it is added, and its first scan runs under it.
		await page.getByRole('button', { name: 'Remove folder 2' }).click();
		await page.getByRole('button', { name: 'Add and scan' }).click();
		const card = page.getByTestId('library-card').filter({ hasText: 'Villeneuve' });
		const bar = card.getByRole('progressbar', { name: 'Scan progress' });
		await expect(bar).toBeVisible();
		await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
		await expect(card.getByText('Scan finished')).toBeVisible();
		// (Four tiny clips scan faster than the first poll: the bar moving under a scan is
		// watched on a library of thousands of files in admin-console.spec.ts.)
		await expect(card.getByTestId('scan-new')).toHaveText(String(CLIPS.length + 1)); // the sample too
		await expect(card.getByTestId('scan-skipped')).toHaveText('1');
		await expect(card.getByTestId('scan-movies_added')).toHaveText(String(CLIPS.length));
		// The file left out, and why.
		const skipped = card.getByTestId('skipped-file');
		await expect(skipped).toHaveCount(1);
		await expect(skipped).toContainText('Arrival.2016.1080p-sample.mkv');
		await expect(skipped.getByTestId('skipped-reason')).toHaveText('a sample clip');
		// No metadata provider: the new movies are unmatched, each with a way to fix it.
		const unmatched = page.getByTestId('unmatched-movies');
		for (const title of TITLES) await expect(unmatched.getByRole('link', { name: `Fix the match of ${title}` })).toBeVisible();
		await shot('admin-library-scanned');

		// "Scan now" again: nothing new, every file unchanged.
		await card.getByRole('button', { name: 'Scan now' }).click();
		await expect(card.getByTestId('scan-unchanged')).toHaveText(String(CLIPS.length + 1), { timeout: 60_000 });
		await expect(card.getByTestId('scan-new')).toHaveText('0');

		// "Fix match" leads to the movie's page with the match dialog open.
		await unmatched.getByRole('link', { name: 'Fix the match of Sicario' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Sicario' })).toBeVisible();
		await expect(page.getByRole('dialog')).toBeVisible();
		await page.keyboard.press('Escape');

		await page.getByRole('link', { name: 'Movies' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Movies' })).toBeVisible();
		for (const title of TITLES) await expect(page.getByText(title, { exact: true }).first()).toBeVisible();

		// Delete, after confirming: gone from the list (its movies stay, marked missing).
		await page.goto('/admin/libraries');
		await page.getByRole('button', { name: 'Delete Villeneuve' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
		await expect(page.getByTestId('library-card').filter({ hasText: 'Villeneuve' })).toHaveCount(0);
	} finally {
		clips.remove();
	}
});

test('without library.manage there is no Libraries entry and /admin/libraries is the 403 page', async ({ browser, server, admin }) => {
	const token = await signIn(server, admin);
	const role = await call(server, 'POST', '/api/v1/admin/roles', { name: `Watcher ${Date.now()}`, permissions: ['library.read', 'playback'] }, token);
	const name = `watcher${Date.now() % 100_000}`;
	const watcher: Account = { username: name, email: `${name}@example.com`, password: `a long passphrase for ${name}` };
	await call(server, 'POST', '/api/v1/admin/users', { ...watcher, role_ids: [role.id] }, token);

	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await signInThroughForm(page, watcher);
	await expect(page.getByRole('link', { name: 'Movies' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Libraries' })).toHaveCount(0);
	await page.goto('/admin/libraries');
	await expect(page.getByTestId('forbidden')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You may not open this page');
	await context.close();
});

test('a normal user gets the 403 page on every /admin route of the app', async ({ browser, server, admin }) => {
	const routes = adminRoutes();
	expect(routes).toEqual(expect.arrayContaining(['/admin', '/admin/libraries', '/admin/users', '/admin/roles', '/admin/jobs', '/admin/audit']));
	const person = await newUser(server, admin, 'viewer');
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await signInThroughForm(page, person);
	await expect(page.getByRole('navigation').getByText('Administration', { exact: true })).toHaveCount(0);
	for (const route of routes) {
		await page.goto(route);
		await expect(page.getByTestId('forbidden'), route).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 }), route).toHaveText('You may not open this page');
	}
	await context.close();
});
