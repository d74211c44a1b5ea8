/** The interface in German (issue 17): chosen on /settings/language, every page the
 * journey opens (home, movie, player, settings) speaks German, a reload keeps it, dates and
 * numbers follow the locale, and another browser of the same person starts in German. That
 * no English key is left untranslated is the i18n Vitest's job (messages.test.ts). */
import { call, expect, makeClipLibrary, newUser, signIn, signInThroughForm, test } from './harness';

// Its own server: the person's language is saved on the server.
test.use({ serverEnv: { E2E_SERVER: 'german' } });

test('switching to German changes every page, survives a reload and follows the person', async ({ page, browser, server, admin, shot }) => {
	test.setTimeout(120_000);
	const token = await signIn(server, admin);
	const clips = makeClipLibrary(['Arrival (2016)/Arrival.2016.1080p.mkv']);
	try {
		const library = await call(server, 'POST', '/api/v1/admin/libraries', { name: 'Deutsch', paths: [clips.dir] }, token);
		await expect
			.poll(async () => (await call(server, 'GET', `/api/v1/admin/jobs/${library.scan_job_id}`, undefined, token)).status, { timeout: 60_000 })
			.toBe('succeeded');
		const movie = (await call(server, 'GET', '/api/v1/movies?q=Arrival', undefined, token)).items[0];
		const person = await newUser(server, admin, 'deutsch');

		await signInThroughForm(page, person);
		await page.getByRole('link', { name: 'Language' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Language');
		await expect(page.getByTestId('format-preview')).toContainText('Dec 7, 2026');
		await page.getByLabel('Interface language').selectOption('de');

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprache');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		const preview = page.getByTestId('format-preview');
		await expect(preview).toContainText('07.12.2026');
		await expect(preview).toContainText('1.234.567,89');
		const nav = page.getByRole('navigation', { name: 'Hauptmenü' });
		await expect(nav).toContainText('Startseite');
		await expect(nav).not.toContainText('Home');
		await expect(nav).not.toContainText('Settings');
		await expect(page.getByText('Sprache gespeichert')).toBeVisible();
		await shot('language-german');

		// A reload keeps it.
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprache');

		await page.getByRole('link', { name: 'Startseite' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Startseite');
		await expect(page.getByText(`Willkommen, ${person.display_name}.`)).toBeVisible();

		await page.goto(`/movies/${movie.id}`);
		await expect(page.getByRole('link', { name: 'Abspielen' }).or(page.getByRole('button', { name: 'Abspielen' })).first()).toBeVisible();
		await expect(page.getByRole('button', { name: 'Zur Merkliste hinzufügen' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Dateien und Fassungen' })).toBeVisible();
		await shot('movie-german');

		await page.goto(`/play/${movie.id}?t=0`);
		await expect(page.getByTestId('player')).toBeVisible();
		await expect(page.getByLabel('Untertitel')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Vollbild' })).toBeVisible();
		await expect(page.getByRole('button', { name: '10 Sekunden zurück' })).toBeVisible();
		await expect(page.getByLabel('Lautstärke')).toBeVisible();
		await shot('player-german');

		await page.goto('/settings/playback');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wiedergabe');
		await expect(page.getByLabel('Standardqualität')).toBeVisible();
		await expect(page.getByText('Nur erzwungene', { exact: true })).toBeVisible();
		await page.goto('/settings/account');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto');
		await expect(page.getByRole('button', { name: 'Passwort ändern' })).toBeVisible();

		// Saved for the person: a browser that never chose starts in German once signed in.
		expect((await call(server, 'GET', '/api/v1/users/me/settings', undefined, await signIn(server, person))).language).toBe('de');
		const other = await browser.newContext({ baseURL: server.url });
		const second = await other.newPage();
		await signInThroughForm(second, person);
		await expect(second.getByRole('heading', { level: 1 })).toHaveText('Startseite');
		await other.close();
	} finally {
		clips.remove();
	}
});
