/** JavaScript sent for /login and for login → home (gzip bytes of every script the page
 * loaded, as the server sends them), the biggest chunks, /login's first contentful paint
 * and the home page's time to interactive after signing in (median of 5, cold cache). */
import type { Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { newUser, test, type Account } from '../e2e/harness';

const RUNS = 5;

interface Script {
	url: string;
	gzip: number;
}

function collectScripts(page: Page): Map<string, Script> {
	const scripts = new Map<string, Script>();
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		scripts.set(response.url(), { url: new URL(response.url()).pathname, gzip: gzipSync(body, { level: 9 }).length });
	});
	return scripts;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const total = (scripts: Iterable<Script>) => [...scripts].reduce((sum, s) => sum + s.gzip, 0);

async function signIn(page: Page, user: Account): Promise<number> {
	await page.getByLabel('Username or e-mail').fill(user.username);
	await page.getByLabel('Password', { exact: true }).fill(user.password);
	const started = await page.evaluate(() => performance.now());
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
	// Interactive: the main thread is free again (an idle callback runs).
	const done = await page.evaluate(() => new Promise<number>((r) => requestIdleCallback(() => r(performance.now()))));
	return done - started;
}

test('web app figures', async ({ browser, server, admin }) => {
	const user = await newUser(server, admin, 'bench');
	const paints: number[] = [];
	const formShown: number[] = [];
	const baseline: number[] = [];
	const interactive: number[] = [];
	let loginScripts = new Map<string, Script>();
	let appScripts = new Map<string, Script>();
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const scripts = collectScripts(page);
		await page.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
		loginScripts = new Map(scripts);
		paints.push(
			await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN)
		);
		formShown.push(await page.evaluate(() => performance.now()));
		const plain = await context.newPage(); // the same browser painting a static page
		await plain.goto(`${server.url}/favicon.svg`);
		baseline.push(await plain.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
		await plain.close();
		interactive.push(await signIn(page, user));
		await page.waitForLoadState('networkidle');
		appScripts = new Map(scripts);
		await context.close();
	}
	const biggest = [...appScripts.values()].sort((a, b) => b.gzip - a.gzip).slice(0, 8);
	console.log(`\nJavaScript, gzip: /login ${kB(total(loginScripts.values()))} in ${loginScripts.size} files ` +
		`(budget 120 kB); login → home ${kB(total(appScripts.values()))} in ${appScripts.size} files (budget 250 kB)`);
	console.log('biggest chunks (gzip):');
	for (const s of biggest) console.log(`  ${kB(s.gzip).padStart(9)}  ${s.url}`);
	console.log(`/login first contentful paint: median ${median(paints).toFixed(0)} ms (runs: ${paints.map((p) => p.toFixed(0)).join(', ')}); ` +
		`baseline, the same server's static SVG: median ${median(baseline).toFixed(0)} ms`);
	console.log(`/login network idle (form usable): median ${median(formShown).toFixed(0)} ms`);
	console.log(`home time to interactive after "Sign in": median ${median(interactive).toFixed(0)} ms ` +
		`(runs: ${interactive.map((p) => p.toFixed(0)).join(', ')})`);
});
