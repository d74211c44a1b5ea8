/** Playback preferences change what the player does (issue 17): a preferred subtitle
 * language with subtitles On turns that track on when the movie has it (the transcode
 * clip has an English SRT sidecar and a French embedded ASS), Off leaves them off, and
 * the default quality caps the bit rate the player asks the server for. */
import { clipLibrary, expect, openPlayer, signIn, test, video, type MovieIds } from './harness';
import type { Page } from '@playwright/test';

// Its own server with the player's clips (the admin's preferences change here).
test.use({ serverEnv: { E2E_SERVER: 'playback-preferences' } });
test.use({
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required']
	}
});
test.describe.configure({ mode: 'serial' });

let ids: MovieIds;
test.beforeAll(async ({ server, admin }) => {
	test.setTimeout(180_000);
	ids = await clipLibrary(server, await signIn(server, admin));
});

/** The showing subtitle track's language and its cue now ("srt 7", "ass 7"), or null. */
const showing = (page: Page) =>
	video(page).evaluate((v: HTMLVideoElement) => {
		const track = Array.from(v.textTracks).find((t) => t.mode === 'showing');
		if (!track) return null;
		const cue = track.activeCues?.[0] as VTTCue | undefined;
		return `${track.language}:${cue ? cue.text.split(' ')[0] : ''}`;
	});

async function choose(page: Page, values: { subtitles: 'On' | 'Forced only' | 'Off'; language?: string; quality?: string }) {
	await page.goto('/settings/playback');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Playback');
	await page.getByRole('radio', { name: new RegExp(`^${values.subtitles}`) }).check();
	if (values.language) await page.getByLabel('Preferred subtitle language').selectOption({ label: values.language });
	if (values.quality) await page.getByLabel('Default quality').selectOption({ label: values.quality });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Playback preferences saved')).toBeVisible();
}

test('a preferred subtitle language is on when the movie has that track', async ({ signedIn: page, shot }) => {
	// The defaults ("Forced only", no preferred language): nothing showing.
	await openPlayer(page, ids.transcode);
	await expect.poll(() => showing(page)).toBeNull();

	await choose(page, { subtitles: 'On', language: 'French' });
	await openPlayer(page, ids.transcode);
	await expect.poll(() => showing(page), { timeout: 10_000 }).toMatch(/^fr[a-z]*:ass$/);
	await expect(page.getByLabel('Subtitles').locator('option:checked')).toContainText('ASS');
	await shot('player-preferred-french');

	await choose(page, { subtitles: 'On', language: 'English' });
	await openPlayer(page, ids.transcode);
	await expect.poll(() => showing(page), { timeout: 10_000 }).toMatch(/^en[a-z]*:srt$/);

	await choose(page, { subtitles: 'Off' });
	await openPlayer(page, ids.transcode);
	await expect.poll(() => showing(page)).toBeNull();
});

/** Records the bodies the page POSTs to /playback/sessions (the generated client sends a
 * Request whose body Playwright's request events do not expose). */
async function recordSessions(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const seen: unknown[] = [];
		(window as unknown as { sessionBodies: unknown[] }).sessionBodies = seen;
		const original = window.fetch.bind(window);
		window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
			const request = new Request(input, init);
			if (request.method === 'POST' && request.url.endsWith('/api/v1/playback/sessions')) seen.push(await request.clone().json());
			return original(request);
		};
	});
}

const lastProfile = (page: Page) =>
	page.evaluate(() => {
		const bodies = (window as unknown as { sessionBodies: { profile: { max_bitrate?: number } }[] }).sessionBodies;
		return bodies.length ? (bodies[bodies.length - 1]!.profile.max_bitrate ?? null) : undefined;
	});

test('the default quality caps the bit rate the player asks for', async ({ signedIn: page }) => {
	await recordSessions(page);
	await choose(page, { subtitles: 'Off', quality: 'Up to 4 Mb/s (720p)' });
	await openPlayer(page, ids.direct);
	expect(await lastProfile(page)).toBe(4_000_000);

	await choose(page, { subtitles: 'Off', quality: 'Automatic (as good as the connection allows)' });
	await openPlayer(page, ids.direct);
	expect(await lastProfile(page)).toBeNull();
});
