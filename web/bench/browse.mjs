// Browse figures in Debian's Chromium against a running server (driven by
// bench/bench_web_browse.py, which seeds 50,000 movies and warms the image cache):
//   node web/bench/browse.mjs URL USERNAME PASSWORD [ROUNDS]
// Prints one JSON object: for each measure the UI's samples and the plain API fetch's
// samples from the same page, so the UI's own share is visible.
import { launchChromium, scrollToCard, signedInState } from './chromium.mjs';

const [url, username, password, roundsArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg ?? 5);
const TARGET_CARD = 5000;
const PREFIXES = ['the sil', 'midnigt', 'golden h', 'lost riv', 'dark emp', 'iron cro', 'red stat', 'wild fro', 'quiet ga', 'last sig'];

const browser = await launchChromium();
const VIEWPORT = { width: 1280, height: 800 };

/** A fresh context (cold browser cache) with the session cookies. */
async function freshPage(state) {
	const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT, storageState: state });
	const page = await context.newPage();
	return { page, close: () => context.close() };
}

/** ms from navigation start until `selector`'s first `count` images are decoded. */
async function paintedImages(page, selector, count) {
	return page.waitForFunction(
		([sel, n]) => {
			const imgs = [...document.querySelectorAll(sel)].slice(0, n);
			return imgs.length >= n && imgs.every((img) => img.complete && img.naturalWidth > 0) ? performance.now() : false;
		},
		[selector, count],
		{ polling: 'raf', timeout: 60_000 }
	).then((handle) => handle.jsonValue());
}

async function apiMs(page, paths) {
	return page.evaluate(async (list) => {
		const started = performance.now();
		await Promise.all(list.map((p) => fetch(p, { credentials: 'same-origin' }).then((r) => r.json())));
		return performance.now() - started;
	}, paths);
}

async function firstRow(state) {
	const { page, close } = await freshPage(state);
	await page.goto('/movies', { waitUntil: 'commit' });
	const columns = 6;
	const ui = await paintedImages(page, '[data-testid=poster-grid] img', columns);
	const api = await apiMs(page, ['/api/v1/movies?sort=title&limit=120']);
	await close();
	return { ui, api };
}

async function home(state) {
	const { page, close } = await freshPage(state);
	await page.goto('/', { waitUntil: 'commit' });
	const rows = ['row-continue-watching', 'row-recently-added', 'row-top-rated', 'row-watchlist'];
	const ui = await page
		.waitForFunction(
			(ids) =>
				ids.every((id) => {
					const img = document.querySelector(`[data-testid=${id}] img`);
					return img && img.complete && img.naturalWidth > 0;
				})
					? performance.now()
					: false,
			rows,
			{ polling: 'raf', timeout: 60_000 }
		)
		.then((h) => h.jsonValue());
	const api = await apiMs(page, [
		'/api/v1/movies/continue-watching?limit=20',
		'/api/v1/movies/recently-added?limit=20',
		'/api/v1/movies/top-rated?limit=20',
		'/api/v1/movies/watchlist?limit=20'
	]);
	await close();
	return { ui, api };
}

async function scrollTo5000(state) {
	const { page, close } = await freshPage(state);
	const { seconds, maxCards, longTasks } = await scrollToCard(page, TARGET_CARD);
	// The same 5,000 movies as the plain API pages them (cursor after cursor).
	const api = await page.evaluate(async (target) => {
		const started = performance.now();
		let cursor = '';
		for (let seen = 0; seen < target; ) {
			const body = await fetch(`/api/v1/movies?sort=title&limit=120${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).then((r) => r.json());
			seen += body.items.length;
			cursor = body.next_cursor;
		}
		return (performance.now() - started) / 1000;
	}, TARGET_CARD);
	await close();
	return { maxCards, longTasksOver50: longTasks.filter((d) => d > 50).length, longestTask: Math.max(0, ...longTasks), seconds, apiSeconds: api };
}

async function autocomplete(state, prefixes) {
	const { page, close } = await freshPage(state);
	await page.goto('/movies');
	const box = page.getByRole('combobox', { name: 'Search movies' });
	await box.waitFor();
	const ui = [];
	const api = [];
	for (const prefix of prefixes) {
		await box.fill('');
		for (let i = 1; i <= prefix.length; i++) {
			const text = prefix.slice(0, i);
			if (text.endsWith(' ')) {
				await box.press('Space');
				continue;
			}
			await page.evaluate(() => {
				window.__keyAt = null;
				document.addEventListener('keydown', (e) => (window.__keyAt = e.timeStamp), { once: true, capture: true });
			});
			await box.press(text.at(-1));
			const elapsed = await page
				.waitForFunction(
					(q) => {
						const list = document.querySelector('[data-testid=search-suggestions]');
						if (!list || list.dataset.for !== q.trim() || list.classList.contains('hidden')) return false;
						return new Promise((done) => requestAnimationFrame(() => done(performance.now() - window.__keyAt)));
					},
					text,
					{ polling: 'raf', timeout: 10_000 }
				)
				.then((h) => h.jsonValue())
				.catch(() => null); // no suggestion for this prefix: the list stays hidden
			if (elapsed !== null) ui.push(elapsed);
			api.push(await apiMs(page, [`/api/v1/search/autocomplete?q=${encodeURIComponent(text.trim())}&limit=8&_=${Math.random()}`]));
		}
	}
	await close();
	return { ui, api };
}

const state = await signedInState(browser, { url, username, password, viewport: VIEWPORT });
const result = { firstRow: [], home: [], scroll: [], autocomplete: { ui: [], api: [] } };
await firstRow(state); // one warm-up (the server's first answers)
for (let round = 0; round < ROUNDS; round++) {
	result.firstRow.push(await firstRow(state));
	result.home.push(await home(state));
	const typed = await autocomplete(state, PREFIXES.slice((round * 2) % PREFIXES.length, ((round * 2) % PREFIXES.length) + 2));
	result.autocomplete.ui.push(...typed.ui);
	result.autocomplete.api.push(...typed.api);
}
for (let round = 0; round < Math.min(ROUNDS, 3); round++) result.scroll.push(await scrollTo5000(state));
await browser.close();
console.log(JSON.stringify(result));
