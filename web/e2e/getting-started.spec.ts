/** docs/getting-started.md, followed as a new user would: its shell blocks run in order
 * on a fresh `git clone` of this repository (its `REPOSITORY_URL` is this checkout), the
 * last one (`./dev.sh serve`) left running, then its browser steps in Chromium until the
 * movie plays. With REVENGE_DOCS_SCREENSHOTS=1 the page's screenshots are written into
 * docs/images (else into test-results/screenshots).
 *
 * What a first run would download for minutes is lent from this checkout instead, so the
 * journey stays under 3 minutes: `.venv` (a link; the test refuses to run when it was not
 * installed from this pyproject.toml, since dev.sh would then reinstall it in place) and
 * the web build with the stamp dev.sh leaves after `npm ci` (no npm command then runs).
 * The clone's own code is what runs (PYTHONPATH), with its own ./data. */
import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIPS, clipCache, freePort, REPO_DIR, SCREENSHOTS, WEB_DIR } from './harness';

const PAGE = join(REPO_DIR, 'docs/getting-started.md');
const DOCS_IMAGES = join(REPO_DIR, 'docs/images');
const MOVIE = { title: 'Test Pattern', folder: 'Test Pattern (2024)', file: 'Test Pattern (2024).mp4' };

test.use({
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required']
	}
});

/** The page's ```sh blocks, in order. */
function shellBlocks(markdown: string): string[] {
	return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Lends the checkout's installed .venv and web build to the clone (see the top). */
function lendInstalls(clone: string): void {
	const venv = join(REPO_DIR, '.venv');
	test.skip(!existsSync(join(WEB_DIR, 'build/index.html')), 'web/build is missing: npm run build in web/');
	const installed = existsSync(join(venv, '.installed')) ? readFileSync(join(venv, '.installed'), 'utf8').trim() : '';
	test.skip(installed !== sha256(join(clone, 'pyproject.toml')), ".venv was not installed from the committed pyproject.toml: run ./dev.sh test once");
	symlinkSync(venv, join(clone, '.venv'));
	mkdirSync(join(clone, 'web/node_modules'));
	writeFileSync(join(clone, 'web/node_modules/.revenge-installed'), sha256(join(clone, 'web/package-lock.json')) + '\n');
	cpSync(join(WEB_DIR, 'build'), join(clone, 'web/build'), { recursive: true }); // newer than the clone's sources
}

function movieFolder(into: string): string {
	const folder = join(into, 'Movies');
	mkdirSync(join(folder, MOVIE.folder), { recursive: true });
	cpSync(join(clipCache(), CLIPS.direct.folder, CLIPS.direct.file), join(folder, MOVIE.folder, MOVIE.file));
	return folder;
}

async function shot(page: Page, name: string): Promise<void> {
	const folder = process.env.REVENGE_DOCS_SCREENSHOTS === '1' ? DOCS_IMAGES : SCREENSHOTS;
	mkdirSync(folder, { recursive: true });
	// A progress bar still sliding to 100% would be drawn half-way: wait for transitions to end.
	// (Endless ones, a spinner say, are left alone.)
	await page.waitForFunction(() =>
		document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)
	);
	await page.screenshot({ path: join(folder, `getting-started-${name}.png`) });
}

async function waitServing(url: string, server: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`./dev.sh serve exited (${server.exitCode}):\n${log()}`);
		// The line the page tells the reader to wait for, then migrations applied.
		if (log().includes(`Revenge is running at ${url} `)) {
			try {
				if ((await fetch(`${url}/startupz`)).ok) return;
			} catch {
				// the http child is restarting
			}
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`./dev.sh serve did not start within 120 s:\n${log()}`);
}

async function stop(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.pid === undefined) return;
	const exited = new Promise((done) => server.once('exit', done));
	process.kill(-server.pid, 'SIGINT'); // the page's Ctrl-C
	const timer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), 30_000);
	await exited;
	clearTimeout(timer);
}

test('getting started: the commands on a fresh clone, then a movie plays in the browser', async ({ page }) => {
	test.setTimeout(180_000);
	const blocks = shellBlocks(readFileSync(PAGE, 'utf8'));
	expect(blocks.length, 'getting-started.md: a clone block, then ./dev.sh serve').toBe(2);
	const [getCode, serve] = blocks;
	expect(serve.trim()).toBe('./dev.sh serve');

	const home = mkdtempSync(join(tmpdir(), 'revenge-getting-started-'));
	let server: ChildProcess | undefined;
	let output = '';
	try {
		const clone = spawnSync('bash', ['-euo', 'pipefail', '-c', getCode.replaceAll('REPOSITORY_URL', REPO_DIR) + '\npwd'], { cwd: home, encoding: 'utf8', timeout: 60_000 });
		expect(clone.status, clone.stderr).toBe(0);
		const checkout = clone.stdout.trim().split('\n').at(-1) as string;
		expect(existsSync(join(checkout, 'dev.sh'))).toBe(true);
		lendInstalls(checkout);

		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		server = spawn('bash', ['-c', serve], {
			cwd: checkout,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, PYTHONPATH: checkout, REVENGE_PORT: String(port), REVENGE_LOG_LEVEL: 'warning' }
		});
		const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
		server.stdout?.on('data', keep);
		server.stderr?.on('data', keep);
		await waitServing(url, server, () => output);
		// ./dev.sh serve built this documentation site too, served beside the app.
		expect((await fetch(`${url}/docs/getting-started.html`)).status).toBe(200);
		const movies = movieFolder(home);

		// 2. Create the administrator.
		await page.goto(url);
		await expect(page).toHaveURL(/\/setup$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Revenge');
		await page.getByLabel('Username').fill('ada');
		await page.getByLabel('E-mail').fill('ada@example.org');
		await page.getByLabel('Password', { exact: true }).fill('a very long admin passphrase');
		await page.getByLabel('Repeat the password').fill('a very long admin passphrase');
		await shot(page, 'setup');
		await page.getByRole('button', { name: 'Create administrator' }).click();

		// 3. Add your movies (after the wizard's TMDb status and its optional Radarr step).
		await expect(page.getByRole('heading', { level: 1, name: 'Getting started' })).toBeVisible();
		await expect(page.getByTestId('tmdb-step')).toContainText('No TMDb key is configured');
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByRole('button', { name: 'Next: add a library' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Add your first library' })).toBeVisible();
		await page.getByRole('textbox', { name: 'Name' }).fill('Movies');
		await page.getByRole('textbox', { name: 'Folder 1' }).fill(movies);
		await page.getByRole('button', { name: 'Add and scan' }).click();
		const card = page.getByTestId('library-card').filter({ hasText: 'Movies' });
		await expect(card.getByText('Scan finished')).toBeVisible({ timeout: 60_000 });
		await expect(card.getByTestId('scan-new')).toHaveText('1');
		await shot(page, 'library');

		// 4. Play.
		await page.getByRole('link', { name: 'See the movies' }).click();
		await page.getByRole('link', { name: new RegExp(MOVIE.title) }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: MOVIE.title })).toBeVisible();
		const play = page.getByTestId('play');
		await expect(play).toBeEnabled({ timeout: 60_000 }); // the file's probe may still run
		await shot(page, 'movie');
		await play.click();
		await expect(page.getByTestId('player')).toHaveAttribute('data-method', 'direct', { timeout: 30_000 });
		const video = page.locator('video');
		await video.evaluate((v: HTMLVideoElement) => (v.paused ? v.play() : undefined));
		await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(1);
		await shot(page, 'player');
	} catch (error) {
		throw new Error(`${error}\n--- ./dev.sh serve output ---\n${output}`);
	} finally {
		if (server) await stop(server);
		rmSync(home, { recursive: true, force: true });
	}
});
