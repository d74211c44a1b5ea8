/** Browsing journeys (issue 15) on a real `revenge serve` with the fake TMDb and a folder
 * of generated clips: one server and one scanned library for the whole file. */
import type { Browser, Page } from '@playwright/test';
import {
	call,
	expect,
	FAKE_TMDB_API_KEY,
	makeClipLibrary,
	signIn,
	signInThroughForm,
	startFakeTmdb,
	test as base,
	type Account,
	type FakeTmdb,
	type RunningServer
} from './harness';

const CLIPS = [
	'The Matrix (1999)/The.Matrix.1999.1080p.BluRay.x264.mkv',
	'The Matrix Reloaded (2003)/The.Matrix.Reloaded.2003.720p.WEB-DL.mkv',
	'The Matrix Revolutions (2003)/The Matrix Revolutions (2003).mp4',
	'Alien.1979.Directors.Cut.1080p.BluRay.mkv',
	'Back to the Future (1985)/Back.to.the.Future.1985.mkv',
	'Fight.Club.1999.REMASTERED.mkv',
	'Inception (2010).mkv',
	'The Godfather (1972)/The.Godfather.1972.mkv',
	'Pulp.Fiction.1994.mkv',
	'Forrest Gump (1994).mp4',
	'Interstellar.2014.IMAX.mkv',
	'Dune (1984)/Dune.1984.mkv'
] as const;
const VIEWER: Account = { username: 'viewer', email: 'viewer@example.com', password: 'a viewer password 123' };

interface Seeded {
	token: string;
	ids: Record<string, string>;
}

const test = base.extend<object, { fakeTmdb: FakeTmdb; clips: string; seeded: Seeded }>({
	fakeTmdb: [
		async ({}, use) => {
			const fake = await startFakeTmdb();
			await use(fake);
			await fake.stop();
		},
		{ scope: 'worker' }
	],
	clips: [
		async ({}, use) => {
			const library = makeClipLibrary(CLIPS);
			await use(library.dir);
			library.remove();
		},
		{ scope: 'worker' }
	],
	serverEnv: [
		async ({ fakeTmdb }, use) => use({ REVENGE_TMDB_API_KEY: FAKE_TMDB_API_KEY, REVENGE_TMDB_BASE_URL: fakeTmdb.baseUrl }),
		{ scope: 'worker' }
	],
	seeded: [
		async ({ server, admin, clips }, use) => {
			const token = await signIn(server, admin);
			await call(server, 'POST', '/api/v1/admin/libraries', { name: 'Movies', paths: [clips] }, token);
			await use({ token, ids: await waitForMatches(server, token) });
		},
		{ scope: 'worker', timeout: 120_000 }
	]
});
// One shared library, changed by later journeys (fix-match last); generous time: the box is shared.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** Every clip scanned, matched, its poster cached (the list carries its blurhash) and
 * searchable; returns ids by title. The worker fetches a poster just after the match; one
 * it could not fetch then (a loaded box) is fetched on its first view, as a browser would. */
async function waitForMatches(server: RunningServer, token: string): Promise<Record<string, string>> {
	type Item = { id: string; title: string; poster_path: string | null; poster_blurhash: string | null };
	const deadline = Date.now() + 100_000;
	let allMatchedAt: number | null = null;
	for (;;) {
		const list: { items: Item[] } = await call(server, 'GET', '/api/v1/movies?limit=200', undefined, token);
		const matched = list.items.filter((m) => m.poster_path);
		const hashed = matched.filter((m) => m.poster_blurhash);
		const found = await call(server, 'GET', '/api/v1/search?q=interstellar', undefined, token);
		if (hashed.length === CLIPS.length && found.found > 0) {
			return Object.fromEntries(list.items.map((m) => [m.title, m.id]));
		}
		if (matched.length === CLIPS.length) allMatchedAt ??= Date.now();
		if (allMatchedAt !== null && Date.now() - allMatchedAt > 15_000) {
			for (const m of matched.filter((m) => !m.poster_blurhash)) {
				await fetch(`${server.url}/api/v1/images/poster/w185${m.poster_path}`, { headers: { authorization: `Bearer ${token}` } });
			}
			allMatchedAt = Date.now();
		}
		if (Date.now() > deadline) throw new Error(`only ${hashed.length} of ${CLIPS.length} matched with a poster:\n${server.log()}`);
		await new Promise((done) => setTimeout(done, 500));
	}
}

async function allImagesLoaded(page: Page, selector: string): Promise<void> {
	await expect
		.poll(() =>
			page.locator(selector).evaluateAll((images) =>
				images.length > 0 && images.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
			)
		)
		.toBe(true);
}

async function signedInPage(browser: Browser, server: RunningServer, account: Account): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await signInThroughForm(page, account);
	return page;
}

test('after the scan the grid shows every poster, and the movie page its cast, crew, collection, similar movies and files', async ({ signedIn: page, seeded, shot }) => {
	await page.goto('/movies');
	await expect(page.getByRole('heading', { level: 1, name: 'Movies' })).toBeVisible();
	await expect(page.getByTestId('poster-card')).toHaveCount(CLIPS.length);
	await allImagesLoaded(page, '[data-testid=poster-grid] img');
	expect(await page.locator('[data-testid=poster-grid] img').first().getAttribute('src')).toMatch(/^\/api\/v1\/images\/poster\//);
	await shot('movies');

	await page.goto(`/movies/${seeded.ids['The Matrix Reloaded']}`);
	await expect(page.getByTestId('movie-title')).toHaveText('The Matrix Reloaded');
	await expect(page.getByTestId('cast-member').first()).toContainText('Keanu Reeves');
	await allImagesLoaded(page, '[data-testid=cast] img');
	await expect(page.getByTestId('crew')).toContainText('Lana Wachowski');
	const collection = page.getByTestId('movie-collection');
	await expect(collection.getByRole('heading')).toHaveText('The Matrix Collection');
	await expect(collection.getByTestId('poster-card')).toHaveCount(3);
	await expect(collection.getByTestId('poster-card').first()).toContainText('Next');
	await expect(collection.getByTestId('poster-card').first()).toContainText('The Matrix');
	await expect(page.getByTestId('similar').getByTestId('poster-card').first()).toBeVisible();
	await expect(page.getByTestId('files')).toContainText('The.Matrix.Reloaded.2003.720p.WEB-DL.mkv');
	await expect(page.getByTestId('files')).toContainText('h264');
	await shot('movie');
});

test('while a poster loads, the card shows its blurhash from the list item', async ({ signedIn: page, server, seeded }) => {
	// The server computed the blurhashes when it cached the posters after matching.
	const list = await call(server, 'GET', '/api/v1/movies?limit=200', undefined, seeded.token);
	const hashed = list.items.filter((m: { poster_blurhash: string | null }) => m.poster_blurhash);
	expect(hashed.length).toBe(CLIPS.length);
	// Hold every poster back until the placeholder has been checked.
	let release: () => void = () => {};
	const held = new Promise<void>((done) => (release = done));
	await page.route('**/api/v1/images/poster/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/movies');
	const canvas = page.getByTestId('poster-card').first().getByTestId('poster-blurhash');
	await expect(canvas).toBeVisible();
	// Painted: the middle pixel is opaque (an unpainted canvas is transparent black).
	await expect
		.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.getContext('2d')?.getImageData(16, 16, 1, 1).data[3] ?? 0))
		.toBe(255);
	expect(await page.locator('[data-testid=poster-grid] img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);
	release();
	await allImagesLoaded(page, '[data-testid=poster-grid] img');
	await page.unroute('**/api/v1/images/poster/**');
});

test('sort and filters live in the URL: back restores the view and its scroll, a shared link opens the same view', async ({ signedIn: page, browser, server, admin, seeded }) => {
	void seeded;
	await page.setViewportSize({ width: 390, height: 600 });
	await page.goto('/movies');
	await expect(page.getByTestId('movie-count')).toHaveText(`${CLIPS.length} movies`);
	await page.getByLabel('Sort by').selectOption('year');
	await expect(page).toHaveURL(/\/movies\?sort=year$/);
	await expect(page.getByTestId('poster-card').first()).toContainText('The Godfather');
	await page.getByRole('button', { name: 'Ascending' }).click();
	await expect(page).toHaveURL(/sort=-year/);
	await expect(page.getByTestId('poster-card').first()).toContainText('Interstellar');

	await page.evaluate(() => window.scrollTo(0, 700));
	await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(700);
	await page.getByLabel('Genre').selectOption('Science Fiction');
	await expect(page).toHaveURL(/sort=-year&genre=Science\+Fiction/);
	await expect(page.getByTestId('movie-count')).toHaveText('8 movies');
	await page.goBack();
	await expect(page).toHaveURL(/\/movies\?sort=-year$/);
	await expect(page.getByTestId('poster-card').first()).toContainText('Interstellar');
	await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(700);

	await page.goForward();
	const shared = page.url();
	const other = await signedInPage(browser, server, admin);
	await other.goto(shared);
	await expect(other.getByLabel('Genre')).toHaveValue('Science Fiction');
	await expect(other.getByTestId('movie-count')).toHaveText('8 movies');
	await expect(other.getByTestId('poster-card').first()).toContainText('Interstellar');
	await other.context().close();
});

test('progress saved through the API shows on the card and in Continue watching; removing it from the row keeps Resume; a begun collection shows its next', async ({ signedIn: page, server, seeded, shot }) => {
	const id = seeded.ids['Inception'];
	await call(server, 'POST', `/api/v1/movies/${id}/progress`, { position_seconds: 3725, duration_seconds: 8880 }, seeded.token);
	await page.goto('/');
	const row = page.getByTestId('row-continue-watching');
	await expect(row.getByTestId('poster-card')).toHaveCount(1);
	await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '42');
	await shot('home');
	await page.goto('/movies');
	await expect(page.getByTestId('poster-card').filter({ hasText: 'Inception' }).getByRole('progressbar')).toBeVisible();

	await page.goto('/');
	await page.getByRole('button', { name: 'Remove Inception from Continue watching' }).click();
	await expect(page.getByTestId('row-continue-watching')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('row-recently-added')).toBeVisible();
	await expect(page.getByTestId('row-continue-watching')).toHaveCount(0);
	await page.goto(`/movies/${id}`);
	await expect(page.getByRole('link', { name: 'Resume at 1:02:05' })).toBeVisible();
	// The grid's "In progress" filter still finds it (the position is kept).
	await page.goto('/movies');
	await page.getByLabel('Show').selectOption('in-progress');
	await expect(page).toHaveURL(/\/movies\?watched=in-progress$/);
	await expect(page.getByTestId('poster-card')).toHaveCount(1);
	await expect(page.getByTestId('poster-card')).toContainText('Inception');
	await page.goto(`/movies/${id}`);
	await expect(page.getByRole('link', { name: 'Start over' })).toHaveAttribute('href', `/play/${id}?t=0`);

	await call(server, 'POST', `/api/v1/movies/${seeded.ids['The Matrix']}/watched`, undefined, seeded.token);
	await page.goto('/');
	await expect(page.getByTestId('row-next-in-collection').getByTestId('poster-card')).toHaveText(/The Matrix Reloaded/);
});

test('the watchlist toggle and the rating persist after a reload and show on /watchlist', async ({ signedIn: page, seeded }) => {
	await page.goto(`/movies/${seeded.ids['Pulp Fiction']}`);
	await page.getByRole('button', { name: 'Add to watchlist' }).click();
	await expect(page.getByRole('button', { name: 'On watchlist' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('radio', { name: '4 stars' }).click();
	await expect(page.getByRole('radio', { name: '4 stars' })).toHaveAttribute('aria-checked', 'true');
	await page.reload();
	await expect(page.getByRole('button', { name: 'On watchlist' })).toBeVisible();
	await expect(page.getByRole('radio', { name: '4 stars' })).toHaveAttribute('aria-checked', 'true');
	await page.goto('/watchlist');
	await expect(page.getByTestId('poster-card')).toHaveCount(1);
	await expect(page.getByTestId('poster-card')).toContainText('Pulp Fiction');
});

test('"matirx" in the header suggests The Matrix; Enter opens results whose genre facet narrows them', async ({ signedIn: page, seeded, shot }) => {
	void seeded;
	const search = page.getByRole('combobox', { name: 'Search movies' });
	await search.fill('matirx');
	await expect(page.getByRole('option').first()).toContainText('The Matrix');
	await shot('autocomplete');
	await search.press('Enter');
	await expect(page).toHaveURL(/\/search\?q=matirx/);
	const cards = page.getByTestId('poster-card');
	await expect(cards).toHaveCount(3);
	const facets = page.getByRole('group', { name: 'Genre' });
	await expect(facets.getByRole('checkbox', { name: /Thriller/ })).toBeVisible();
	await facets.getByRole('checkbox', { name: /Thriller/ }).check();
	await expect(page).toHaveURL(/genre=Thriller/);
	await expect(cards).toHaveCount(2);
	await expect(facets.locator('label', { hasText: 'Science Fiction' }).getByTestId('facet-count')).toHaveText('2');
	await expect(page.getByTestId('degraded-notice')).toHaveCount(0);
	await shot('search');
});

test('keyboard only: from the header search to a movie page to Play', async ({ signedIn: page, seeded }) => {
	await page.goto('/movies');
	const search = page.getByRole('combobox', { name: 'Search movies' });
	// The shortcut listener is attached once the app has mounted, which may come after
	// the load event: press until it answers (it never types the '/' into the field).
	await expect(async () => {
		await page.keyboard.press('/');
		await expect(search).toBeFocused({ timeout: 1000 });
	}).toPass({ timeout: 15000 });
	await expect(search).toHaveValue('');
	await page.keyboard.type('interstellar');
	await expect(page.getByRole('option').first()).toContainText('Interstellar');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`/movies/${seeded.ids['Interstellar']}`);
	await expect(page.getByTestId('movie-title')).toHaveText('Interstellar');
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		if (await page.getByTestId('play').evaluate((el) => el === document.activeElement)) break;
	}
	await expect(page.getByTestId('play')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/play/${seeded.ids['Interstellar']}$`));
});

test('a normal user sees no admin actions; an admin fix-match changes the title everywhere', async ({ signedIn: page, browser, server, admin, seeded }) => {
	await call(server, 'POST', '/api/v1/admin/users', VIEWER, await signIn(server, admin)); // registration is closed
	const id = seeded.ids['Alien'];
	const viewer = await signedInPage(browser, server, VIEWER);
	await viewer.goto(`/movies/${id}`);
	await expect(viewer.getByTestId('movie-title')).toHaveText('Alien');
	await expect(viewer.getByTestId('admin-actions')).toHaveCount(0);
	await expect(viewer.getByRole('link', { name: 'Add a library' })).toHaveCount(0);

	await page.goto(`/movies/${id}`);
	await page.getByTestId('admin-actions').click();
	await page.getByRole('menuitem', { name: 'Fix match' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Search TMDb').fill('Aliens');
	await dialog.getByRole('button', { name: 'Search' }).click();
	await dialog.getByRole('button', { name: 'Choose Aliens' }).click();
	await expect(page.getByTestId('movie-title')).toHaveText('Aliens');
	await page.goto('/movies');
	await expect(page.getByTestId('poster-card').filter({ has: page.getByText('Aliens', { exact: true }) })).toHaveCount(1);
	await viewer.goto(`/movies/${id}`);
	await expect(viewer.getByTestId('movie-title')).toHaveText('Aliens');
	await viewer.context().close();
});
