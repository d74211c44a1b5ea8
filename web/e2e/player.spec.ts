/** The player against a real server and real clips (see harness/clips.ts): each file is
 * played by the method the server chose for Chromium, seeks, subtitles, quality,
 * progress and resume, the end of the session, the watched rule, the busy server and
 * the keyboard. Media runs at a raised playbackRate where only media time matters. */
import { existsSync } from 'node:fs';
import { CLIP_SECONDS, call, currentTime, expect, openPlayer, seekToPlaying, serverFfmpegs, signIn, test, transcodeFiles, video, waitPlaying, clipLibrary, type MovieIds } from './harness';

// Its own server: a clip library, and 5 s positions kept as resume points (the clips are 64 s).
test.use({ serverEnv: { E2E_SERVER: 'player', REVENGE_RESUME_MIN_SECONDS: '5', REVENGE_RESUME_MIN_PERCENT: '1' } });
test.use({
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required']
	}
});
test.describe.configure({ mode: 'serial' });

// The figures are for the bench (medians of 5 on a quiet machine); a test on a
// shared CI machine allows SLACK times them.
const SLACK = Number(process.env.E2E_PLAYER_SLACK ?? 4);
const SEEK_MS = { direct: 500, hls: 1500 };

let ids: MovieIds;
let token: string;

test.beforeAll(async ({ server, admin }) => {
	test.setTimeout(180_000);
	token = await signIn(server, admin);
	ids = await clipLibrary(server, token);
});

const progressOf = (server: Parameters<typeof call>[0], id: string) => call(server, 'GET', `/api/v1/movies/${id}/progress`, undefined, token);

for (const [clip, method] of [
	['direct', 'direct'],
	['remux', 'remux'],
	['transcode', 'transcode']
] as const) {
	test(`the ${clip} clip plays by ${method} and seeks to 75%`, async ({ signedIn: page, shot }) => {
		const t0 = Date.now();
		expect(await openPlayer(page, ids[clip], '0', 2)).toBe(method);
		const startMs = Date.now() - t0; // navigation → media time advancing (one run, not the bench's median)
		const from = await currentTime(page);
		await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(from + 3);
		const target = CLIP_SECONDS * 0.75;
		const { ms, at } = await seekToPlaying(page, target);
		expect(ms).toBeLessThan((method === 'direct' ? SEEK_MS.direct : SEEK_MS.hls) * SLACK);
		expect(Math.abs(at - target)).toBeLessThanOrEqual(2);
		console.log(`player figure ${clip}: open→playing ${startMs} ms, seek 75%→playing ${Math.round(ms)} ms`);
		await shot(`player-${clip}`);
	});
}

test('subtitles: the SRT sidecar and the embedded ASS show their cues, Off removes them', async ({ signedIn: page }) => {
	await openPlayer(page, ids.transcode);
	const select = page.getByLabel('Subtitles');
	const options = await select.locator('option').allTextContents();
	const activeCue = () =>
		video(page).evaluate((v: HTMLVideoElement) => {
			const showing = Array.from(v.textTracks).filter((t) => t.mode === 'showing');
			if (showing.length === 0) return null;
			const cues = showing[0].activeCues;
			return cues && cues.length > 0 ? (cues[0] as VTTCue).text : '';
		});
	await select.selectOption({ label: options.find((o) => o.includes('en')) as string });
	await expect.poll(activeCue, { timeout: 10_000 }).toMatch(/^srt \d+$/);
	await select.selectOption({ label: options.find((o) => o.includes('ASS')) as string });
	await expect.poll(activeCue, { timeout: 10_000 }).toMatch(/^ass \d+$/);
	await select.selectOption({ label: 'Off' });
	await expect.poll(activeCue).toBeNull();
});

test('quality: a lower level keeps playing from the same point', async ({ signedIn: page }) => {
	// The remux clip's ladder: the original (copied) and a transcoded rung at its own 180p.
	await openPlayer(page, ids.remux);
	await expect(page.getByTestId('player')).toHaveAttribute('data-engine', 'hls.js');
	const quality = page.getByLabel('Quality');
	const levels = await quality.locator('option').evaluateAll((os) =>
		os.map((o) => ({ value: (o as HTMLOptionElement).value, kbps: Number(/(\d+) kb\/s/.exec(o.textContent ?? '')?.[1] ?? NaN) })).filter((l) => l.value !== '-1')
	);
	expect(levels.length).toBeGreaterThanOrEqual(2);
	const lowest = levels.reduce((a, b) => (b.kbps < a.kbps ? b : a));
	const before = await currentTime(page);
	await quality.selectOption(lowest.value);
	await expect(page.getByTestId('player')).toHaveAttribute('data-level', lowest.value, { timeout: 15_000 });
	const at = await currentTime(page);
	expect(Math.abs(at - before)).toBeLessThanOrEqual(2);
	await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(at + 1);
});

test('progress: closing the page keeps the position, reopening asks to resume, Start over starts at 0', async ({ signedIn: page, server, context }) => {
	await openPlayer(page, ids.direct, '0', 2);
	await expect.poll(() => currentTime(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
	await page.keyboard.press('k');
	await expect.poll(() => video(page).evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
	const position = await currentTime(page);
	expect(position).toBeGreaterThanOrEqual(20);
	await page.close({ runBeforeUnload: true });
	await expect.poll(async () => (await progressOf(server, ids.direct)).position_seconds, { timeout: 10_000 }).toBeGreaterThan(position - 5);
	expect((await progressOf(server, ids.direct)).position_seconds).toBeLessThan(position + 5);

	const again = await context.newPage();
	await again.goto(`/play/${ids.direct}`);
	const resume = again.getByRole('button', { name: /^Resume from / });
	const saved = (await progressOf(server, ids.direct)).resume_position_seconds;
	await expect(resume).toHaveText(`Resume from 0:${String(Math.floor(saved)).padStart(2, '0')}`);
	await again.getByRole('button', { name: 'Start over' }).click();
	await waitPlaying(again);
	expect(await currentTime(again)).toBeLessThan(3);
});

test('leaving the player ends the session: no ffmpeg left, the transcode folder empty', async ({ signedIn: page, server }) => {
	// A 64 s clip at 180p is encoded in about a second: watch for the server's ffmpeg
	// pids from the start (every 20 ms) to have seen them before asking that none is left.
	const seen = new Set<number>();
	const sampler = setInterval(() => serverFfmpegs(server).forEach((pid) => seen.add(pid)), 20);
	try {
		await openPlayer(page, ids.transcode);
		await seekToPlaying(page, CLIP_SECONDS * 0.6);
	} finally {
		clearInterval(sampler);
	}
	expect(seen.size).toBeGreaterThan(0);
	expect(transcodeFiles(server).length).toBeGreaterThan(0);
	await page.getByRole('button', { name: 'Back', exact: true }).click();
	await expect.poll(() => serverFfmpegs(server), { timeout: 10_000 }).toEqual([]);
	expect([...seen].filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
	await expect.poll(() => transcodeFiles(server), { timeout: 10_000 }).toEqual([]);
});

test('playing past 90% marks the movie watched', async ({ signedIn: page, server }) => {
	await openPlayer(page, ids.remux, String(CLIP_SECONDS - 8), 4);
	await expect.poll(() => video(page).evaluate((v: HTMLVideoElement) => v.ended), { timeout: 20_000 }).toBe(true);
	await expect.poll(async () => (await progressOf(server, ids.remux)).completed, { timeout: 10_000 }).toBe(true);
});

test('the transcoding limit reached: the player says the server is busy', async ({ signedIn: page, server }) => {
	const held: string[] = [];
	try {
		for (;;) {
			const response = await fetch(`${server.url}/api/v1/playback/sessions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
				body: JSON.stringify({ movie_id: ids.transcode, profile: { video_codecs: ['h264'], audio_codecs: ['aac'] } })
			});
			if (response.status === 429) break;
			expect(response.status).toBe(201);
			held.push((await response.json()).id);
			expect(held.length).toBeLessThan(10);
		}
		await page.goto(`/play/${ids.transcode}?t=0`);
		await expect(page.getByTestId('player-error')).toHaveText(/The server is busy/);
		await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
	} finally {
		for (const id of held) await call(server, 'DELETE', `/api/v1/playback/sessions/${id}`, undefined, token);
	}
});

test.describe('keyboard', () => {
	test.beforeEach(async ({ signedIn: page }) => {
		await openPlayer(page, ids.direct, '20');
	});
	const state = (page: import('@playwright/test').Page) =>
		video(page).evaluate((v: HTMLVideoElement) => ({ paused: v.paused, t: v.currentTime, volume: v.volume, muted: v.muted }));

	for (const key of ['Space', 'k']) {
		test(`${key} pauses and plays`, async ({ signedIn: page }) => {
			await page.keyboard.press(key);
			await expect.poll(async () => (await state(page)).paused).toBe(true);
			await page.keyboard.press(key);
			await expect.poll(async () => (await state(page)).paused).toBe(false);
		});
	}
	test('← and → seek 10 s', async ({ signedIn: page }) => {
		await page.keyboard.press('k');
		const t = (await state(page)).t;
		await page.keyboard.press('ArrowRight');
		await expect.poll(async () => (await state(page)).t).toBeCloseTo(t + 10, 0);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(async () => (await state(page)).t).toBeCloseTo(t, 0);
	});
	test('↓ and ↑ change the volume', async ({ signedIn: page }) => {
		await page.keyboard.press('ArrowDown');
		await expect.poll(async () => (await state(page)).volume).toBeCloseTo(0.9, 2);
		await page.keyboard.press('ArrowUp');
		await expect.poll(async () => (await state(page)).volume).toBeCloseTo(1, 2);
	});
	test('m mutes and unmutes', async ({ signedIn: page }) => {
		await page.keyboard.press('m');
		await expect.poll(async () => (await state(page)).muted).toBe(true);
		await page.keyboard.press('m');
		await expect.poll(async () => (await state(page)).muted).toBe(false);
	});
	test('f enters full screen and Esc leaves it', async ({ signedIn: page }) => {
		const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
		await page.keyboard.press('f');
		await expect.poll(fullscreen).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(fullscreen).toBe(false);
	});
	test('c turns captions on and off', async ({ signedIn: page }) => {
		await page.goto(`/play/${ids.transcode}?t=0`);
		await waitPlaying(page);
		const showing = () => video(page).evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).filter((t) => t.mode === 'showing').length);
		await expect.poll(showing).toBe(0);
		await page.keyboard.press('c');
		await expect.poll(showing).toBe(1);
		await page.keyboard.press('c');
		await expect.poll(showing).toBe(0);
	});
	test('controls hide after 3 s without movement and come back on a key', async ({ signedIn: page }) => {
		const controls = page.getByTestId('controls');
		await expect(controls).toHaveAttribute('data-hidden', 'true', { timeout: 6_000 });
		await page.keyboard.press('ArrowUp');
		await expect(controls).toHaveAttribute('data-hidden', 'false');
	});
});
