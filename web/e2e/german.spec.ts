/** The interface in German (issue 17): chosen on /settings/language, every page the
 * journey opens (home, movie, player, settings) speaks German, a reload keeps it, dates and
 * numbers follow the locale, and another browser of the same person starts in German. That
 * no English key is left untranslated is the i18n Vitest's job (messages.test.ts). */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, expect, makeClipLibrary, newUser, signIn, signInThroughForm, test, WEB_DIR } from './harness';

type Messages = { [key: string]: string | Messages };
const messages = (code: string): Messages => JSON.parse(readFileSync(join(WEB_DIR, 'src/lib/i18n/messages', `${code}.json`), 'utf8'));
const flat = (node: Messages, prefix = ''): [string, string][] =>
	Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flat(v, `${prefix}${k}.`)));

/** English strings whose German differs (no placeholders, at least two words or 5 letters,
 * so a title or a name does not count): none may be left on a German page. */
const ENGLISH_ONLY = (() => {
	const de = new Map(flat(messages('de')));
	return flat(messages('en'))
		.filter(([key, en]) => de.get(key) !== en && !en.includes('{') && (en.includes(' ') || en.length >= 5))
		.map(([, en]) => en);
})();

/** The English strings still visible on the page or in its labels. */
async function englishLeft(page: Page): Promise<string[]> {
	const shown = await page.evaluate(() => {
		const labels = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]')).flatMap((e) =>
			['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? '')
		);
		// Text nodes as written (innerText would upper-case a header styled so), screen-reader-only ones included.
		const texts: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		// (Not SvelteKit's route announcer: it keeps the title it last announced until the next navigation.)
		for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('script, style, #svelte-announcer')) texts.push(n.nodeValue ?? '');
		return [...texts, document.title, ...labels].join('\n');
	});
	return ENGLISH_ONLY.filter((en) => new RegExp(`(^|[^\\p{L}])${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(shown));
}

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
		const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/v1/users/me/settings'));
		await page.getByLabel('Interface language').selectOption('de');
		expect((await saved).ok()).toBe(true);

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprache');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		const preview = page.getByTestId('format-preview');
		await expect(preview).toContainText('07.12.2026');
		await expect(preview).toContainText('1.234.567,89');
		const nav = page.getByRole('navigation', { name: 'Hauptmenü' });
		await expect(nav).toContainText('Startseite');
		await expect(nav).not.toContainText('Home');
		await expect(nav).not.toContainText('Settings');
		await shot('language-german');
		expect(await englishLeft(page)).toEqual([]);

		// A reload keeps it.
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprache');

		await page.getByRole('link', { name: 'Startseite' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Startseite');
		await expect(page.getByText(`Willkommen, ${person.display_name}.`)).toBeVisible();
		expect(await englishLeft(page)).toEqual([]);

		await page.goto(`/movies/${movie.id}`);
		await expect(page.getByRole('link', { name: 'Abspielen' }).or(page.getByRole('button', { name: 'Abspielen' })).first()).toBeVisible();
		await expect(page.getByRole('button', { name: 'Zur Merkliste hinzufügen' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Dateien und Fassungen' })).toBeVisible();
		await shot('movie-german');
		expect(await englishLeft(page)).toEqual([]);

		await page.goto(`/play/${movie.id}?t=0`);
		await expect(page.getByTestId('player')).toBeVisible();
		await expect(page.getByLabel('Untertitel')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Vollbild' })).toBeVisible();
		await expect(page.getByRole('button', { name: '10 Sekunden zurück' })).toBeVisible();
		await expect(page.getByLabel('Lautstärke')).toBeVisible();
		await shot('player-german');
		expect(await englishLeft(page)).toEqual([]);

		await page.goto('/settings/playback');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wiedergabe');
		await expect(page.getByLabel('Standardqualität')).toBeVisible();
		await expect(page.getByText('Nur erzwungene', { exact: true })).toBeVisible();
		expect(await englishLeft(page)).toEqual([]);
		await page.goto('/settings/account');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto');
		await expect(page.getByRole('button', { name: 'Passwort ändern' })).toBeVisible();
		expect(await englishLeft(page)).toEqual([]);

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
