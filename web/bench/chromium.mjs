// What the browser benches share: Debian's Chromium, a signed-in storage state, and the
// browse bench's scroll down the poster grid (also run under a trace by profile-scroll.mjs).
import { chromium } from '@playwright/test';

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function launchChromium(extraArgs = []) {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...ARGS, ...extraArgs] });
}

/** The cookies of a sign-in through the login page, for fresh contexts to start from. */
export async function signedInState(browser, { url, username, password, viewport }) {
	const context = await browser.newContext({ baseURL: url, viewport });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Username or e-mail').fill(username);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	const state = await context.storageState();
	await context.close();
	return state;
}

/** Opens /movies and scrolls a viewport per frame until card `target` is rendered,
 * observing long tasks from the first row on. `beforeScroll` runs just before the
 * scroll (a trace starting). Returns the seconds it took, the most card elements in the
 * DOM at once and the long tasks' durations (ms). */
export async function scrollToCard(page, target, beforeScroll = async () => {}) {
	await page.goto('/movies');
	await page.waitForSelector('[data-testid=poster-grid] [data-testid=poster-card]');
	await page.evaluate(() => {
		window.__longTasks = [];
		new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
	});
	await beforeScroll();
	const started = Date.now();
	let maxCards = 0;
	for (;;) {
		const step = await page.evaluate((target) => {
			const cards = document.querySelectorAll('[data-testid=poster-grid] [role=listitem]').length;
			const item = document.querySelector(`[data-testid=poster-grid] [aria-posinset="${target}"] [data-testid=poster-card]`);
			if (!item) window.scrollBy(0, window.innerHeight);
			return { cards, done: Boolean(item) };
		}, target);
		maxCards = Math.max(maxCards, step.cards);
		if (step.done) break;
		if (Date.now() - started > 180_000) throw new Error(`card ${target} never rendered`);
		await page.waitForTimeout(16);
	}
	const longTasks = await page.evaluate(() => window.__longTasks);
	return { seconds: (Date.now() - started) / 1000, maxCards, longTasks };
}
