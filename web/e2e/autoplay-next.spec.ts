/** "Auto-play next in collection" (issue 17's playback preferences): on, the end of a
 * movie offers the next one of its collection and starts it; off, the player stops at the
 * end. Two 1-second clips matched by the fake TMDb into The Matrix Collection. */
import { call, expect, FAKE_TMDB_API_KEY, makeClipLibrary, signIn, startFakeTmdb, test as base, video, type FakeTmdb } from './harness';
import type { Page } from '@playwright/test';

const test = base.extend<object, { fakeTmdb: FakeTmdb; movies: Record<string, string> }>({
	fakeTmdb: [
		async ({}, use) => {
			const fake = await startFakeTmdb();
			await use(fake);
			await fake.stop();
		},
		{ scope: 'worker' }
	],
	serverEnv: [
		async ({ fakeTmdb }, use) => use({ E2E_SERVER: 'autoplay-next', REVENGE_TMDB_API_KEY: FAKE_TMDB_API_KEY, REVENGE_TMDB_BASE_URL: fakeTmdb.baseUrl }),
		{ scope: 'worker' }
	],
	movies: [
		async ({ server, admin }, use) => {
			const clips = makeClipLibrary(['The Matrix (1999)/The.Matrix.1999.mkv', 'The Matrix Reloaded (2003)/The.Matrix.Reloaded.2003.mkv']);
			const token = await signIn(server, admin);
			await call(server, 'POST', '/api/v1/admin/libraries', { name: 'Matrix', paths: [clips.dir] }, token);
			// Both matched and in their collection (the collection's page lists them).
			let ids: Record<string, string> = {};
			await expect
				.poll(async () => {
					const list = await call(server, 'GET', '/api/v1/movies?limit=50', undefined, token);
					ids = Object.fromEntries(list.items.map((m: { title: string; id: string }) => [m.title, m.id]));
					const detail = ids['The Matrix'] ? await call(server, 'GET', `/api/v1/movies/${ids['The Matrix']}`, undefined, token) : null;
					return detail?.collections?.length && ids['The Matrix Reloaded'] ? 'ready' : 'waiting';
				}, { timeout: 100_000 })
				.toBe('ready');
			await use(ids);
			clips.remove();
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
test.describe.configure({ mode: 'serial' });

async function setAutoplay(page: Page, on: boolean) {
	await page.goto('/settings/playback');
	await page.getByRole('checkbox', { name: 'Play the next movie of a collection automatically' }).setChecked(on);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Playback preferences saved')).toBeVisible();
}

test('on: the end of a movie offers the next of its collection and starts it', async ({ signedIn: page, movies }) => {
	await setAutoplay(page, true);
	await page.goto(`/play/${movies['The Matrix']}?t=0`);
	const upNext = page.getByRole('complementary', { name: 'Up next in collection' });
	await expect(upNext).toContainText('The Matrix Reloaded', { timeout: 30_000 });
	await upNext.getByRole('button', { name: 'Play now' }).click();
	await expect(page).toHaveURL(new RegExp(`/play/${movies['The Matrix Reloaded']}`));
});

test('off: the player stops at the end', async ({ signedIn: page, movies }) => {
	await setAutoplay(page, false);
	// The final progress report is sent as the movie ends, where "up next" would be asked for.
	const final = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/movies/${movies['The Matrix']}/progress`), { timeout: 30_000 });
	let askedForNext = false;
	page.on('request', (r) => {
		if (r.url().includes('/api/v1/collections/')) askedForNext = true;
	});
	await page.goto(`/play/${movies['The Matrix']}?t=0`);
	await expect.poll(() => video(page).evaluate((v: HTMLVideoElement) => v.ended), { timeout: 30_000 }).toBe(true);
	await final;
	await expect(page.getByRole('complementary', { name: 'Up next in collection' })).toHaveCount(0);
	expect(askedForNext).toBe(false);
});
