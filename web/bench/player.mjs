// Player figures in Debian's Chromium against a running server with a library of films
// (driven by bench/bench_web_player.py, which makes the films and starts the server):
//   node web/bench/player.mjs '{"url": ..., "username": ..., "password": ..., "ids": {direct, remux, transcode},
//                               "rounds": 5, "playSeconds": 600, "rate": 1, "httpPid": N, "clockTicks": 100}'
// Prints one JSON object (progress goes to stderr):
//   click[clip]              click on the movie page's Play → the video's `playing` event, with where the time went
//   serverFirstSegment[clip] the same file over plain HTTP from Node: session, master, variant, segment 0
//   seek[clip]               a seek to 75% (not buffered) → `playing` again
//   play                     a long HLS transcode played through: stalls, levels, the server's CPU
import { launchChromium, signedInState } from './chromium.mjs';
import { readdirSync, readFileSync } from 'node:fs';

const cfg = JSON.parse(process.argv[2]);
const CLIPS = ['direct', 'remux', 'transcode'];
const VIEWPORT = { width: 1280, height: 720 };
const log = (...parts) => console.error('[player bench]', ...parts);

const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);

// ---- the server's processes (/proc) -------------------------------------------------

function statOf(pid) {
	const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
	const f = text.slice(text.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
	return { comm, ppid: Number(f[1]), utime: Number(f[11]), stime: Number(f[12]), cutime: Number(f[13]), cstime: Number(f[14]) };
}

/** Every process of the server's HTTP side: the `revenge http` process and its
 * descendants (granian's worker, which runs the segmenters' ffmpeg). */
function tree() {
	const all = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			all.set(Number(entry), statOf(entry));
		} catch {
			// ended while we looked
		}
	}
	const inTree = (pid) => {
		for (let p = pid, hops = 0; p && hops < 20; p = all.get(p)?.ppid, hops++) if (p === cfg.httpPid) return true;
		return false;
	};
	return new Map([...all].filter(([pid]) => inTree(pid)));
}

const ffmpegs = () => [...tree()].filter(([, p]) => p.comm === 'ffmpeg').map(([pid]) => pid);

const cpuSnapshot = () => tree();

/** CPU seconds of the server's HTTP side between two snapshots, split into ffmpeg (and
 * any other child the server ran and reaped: ffprobe) and the Python processes. A process
 * that ended in between is counted whole in its parent's reaped time (cutime), so its
 * part before `a` is taken off. */
function cpuBetween(a, b) {
	let ffmpeg = 0;
	let python = 0;
	for (const [pid, p] of b) {
		const before = a.get(pid);
		const own = p.utime + p.stime - (before ? before.utime + before.stime : 0);
		if (p.comm === 'ffmpeg') ffmpeg += own;
		else python += own;
		if (before) ffmpeg += p.cutime + p.cstime - (before.cutime + before.cstime);
	}
	for (const [pid, p] of a) if (!b.has(pid)) ffmpeg -= p.utime + p.stime;
	return { http: python / cfg.clockTicks, ffmpeg: ffmpeg / cfg.clockTicks };
}

async function noFfmpegLeft(timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (ffmpegs().length > 0) {
		if (Date.now() > deadline) throw new Error(`the server still runs ffmpeg ${ffmpegs()} after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

// ---- sign-in --------------------------------------------------------------------------

async function bearer() {
	const r = await fetch(`${cfg.url}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: cfg.username, password: cfg.password })
	});
	return (await r.json()).access_token;
}

async function freshPage(state) {
	const context = await browser.newContext({ baseURL: cfg.url, viewport: VIEWPORT, storageState: state });
	const page = await context.newPage();
	return { page, context };
}

/** Leaves the player by its Back button (the player ends its session as it is destroyed)
 * and waits for the server's ffmpeg to stop. */
async function leave({ page, context }) {
	await page.getByRole('button', { name: 'Back', exact: true }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/play/'));
	await noFfmpegLeft();
	await context.close();
}

/** Leaves the player by unloading the page (a closed tab, another site): its pagehide
 * handler ends the session with a keepalive request. The ms until the server's ffmpeg
 * stopped, or null if it still ran after `timeoutMs`. */
async function unload({ page, context }, timeoutMs = 15_000) {
	const deletes = [];
	page.on('request', (r) => r.method() === 'DELETE' && deletes.push(new URL(r.url()).pathname));
	const started = Date.now();
	await page.goto('about:blank');
	let gone = null;
	while (Date.now() - started < timeoutMs) {
		if (ffmpegs().length === 0) {
			gone = Date.now() - started;
			break;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await context.close();
	await noFfmpegLeft(120_000); // the server's idle reaper ends it in the end
	return { ffmpegStoppedMs: gone, deleteRequestsSeen: deletes.length };
}

// ---- the server's own first segment (plain HTTP from Node) ---------------------------

async function serverFirstSegment(token, id, profile) {
	const auth = { authorization: `Bearer ${token}` };
	const started = performance.now();
	const response = await fetch(`${cfg.url}/api/v1/playback/sessions`, {
		method: 'POST',
		headers: { ...auth, 'content-type': 'application/json' },
		body: JSON.stringify({ movie_id: id, profile })
	});
	const session = await response.json();
	if (!session.hls_url) throw new Error(`no HLS for ${id}: ${JSON.stringify(session)}`);
	const masterUrl = new URL(session.hls_url, cfg.url);
	const master = await (await fetch(masterUrl)).text();
	const variantUrl = new URL(master.split('\n').find((l) => l && !l.startsWith('#')), masterUrl);
	const playlist = await (await fetch(variantUrl)).text();
	const segmentUrl = new URL(playlist.split('\n').find((l) => l && !l.startsWith('#')), variantUrl);
	const segment = await fetch(segmentUrl);
	if (!segment.ok) throw new Error(`segment 0: ${segment.status}`);
	await segment.arrayBuffer();
	const ms = performance.now() - started;
	await fetch(`${cfg.url}/api/v1/playback/sessions/${session.id}`, { method: 'DELETE', headers: auth });
	await noFfmpegLeft();
	return ms;
}

// ---- click on Play → playing -----------------------------------------------------------

async function clickToPlaying(state, id) {
	const opened = await freshPage(state);
	const { page } = opened;
	const requests = [];
	// The session request's body (openapi-fetch sends a Request, whose body CDP does not show).
	await page.addInitScript(() => {
		const fetch0 = window.fetch;
		window.fetch = async (input, init) => {
			if (input instanceof Request && input.method === 'POST' && new URL(input.url).pathname === '/api/v1/playback/sessions')
				window.__sessionBody = await input.clone().json().catch(() => null);
			return fetch0(input, init);
		};
	});
	let profile = null;
	page.on('request', (r) => {
		if (r.method() !== 'POST' || new URL(r.url()).pathname !== '/api/v1/playback/sessions') return;
		let body = null;
		try {
			body = r.postDataJSON() ?? JSON.parse(r.postDataBuffer()?.toString() ?? 'null');
		} catch {
			body = null;
		}
		if (body?.profile) profile = body.profile;

	});
	page.on('requestfinished', (r) => requests.push({ url: new URL(r.url()).pathname, method: r.method(), timing: r.timing() }));
	await page.goto(`/movies/${id}`);
	const play = page.getByTestId('play');
	await play.waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => {
		const b = document.querySelector('[data-testid=play]');
		return b && b.getAttribute('href') && b.getAttribute('aria-disabled') !== 'true'; // a disabled link has no href
	});
	await page.evaluate(() => {
		window.__bench = { click: null, playing: null };
		document.addEventListener('click', () => (window.__bench.click ??= performance.now()), { capture: true });
		// Media events do not bubble; a capturing listener on the document still sees them.
		document.addEventListener('playing', () => (window.__bench.playing ??= performance.now()), { capture: true });
	});
	await play.click();
	await page.waitForFunction(() => window.__bench?.playing, null, { timeout: 60_000, polling: 50 });
	const times = await page.evaluate(() => ({ ...window.__bench, origin: performance.timeOrigin }));
	profile ??= await page.evaluate(() => window.__sessionBody?.profile ?? null);
	const method = await page.getByTestId('player').getAttribute('data-method');
	await leave(opened);
	const clickEpoch = times.origin + times.click;
	const rel = (epoch) => (epoch == null ? null : Math.round(epoch - clickEpoch));
	const after = requests.filter((r) => r.timing.startTime + 1 >= clickEpoch);
	const end = (r) => r.timing.startTime + r.timing.responseEnd;
	const first = (pred) => after.find(pred);
	const session = first((r) => r.method === 'POST' && r.url === '/api/v1/playback/sessions');
	const master = first((r) => r.url.endsWith('master.m3u8'));
	const segment = first((r) => r.url.endsWith('.ts'));
	const media = first((r) => r.url.includes('/media/') || r.url.includes('/direct') || r.url.endsWith('.m3u8'));
	return {
		ms: times.playing - times.click,
		method,
		profile,
		firstSegment: segment?.url.split('/').slice(-2).join('/') ?? null,
		parts: {
			session_done: rel(session && end(session)),
			first_media_request: rel(media?.timing.startTime),
			master_done: rel(master && end(master)),
			first_segment_done: rel(segment && end(segment))
		}
	};
}

// ---- seek to an unbuffered point → playing ---------------------------------------------

async function seekToPlaying(state, id) {
	const opened = await freshPage(state);
	const { page } = opened;
	await page.goto(`/play/${id}?t=0`);
	await page.waitForFunction(() => {
		const v = document.querySelector('video');
		return v && !v.paused && v.currentTime > 1 && v.readyState >= 3;
	}, null, { timeout: 60_000, polling: 100 });
	const result = await page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const v = document.querySelector('video');
				const target = v.duration * 0.75;
				let buffered = false;
				for (let i = 0; i < v.buffered.length; i++) if (v.buffered.start(i) <= target && v.buffered.end(i) > target) buffered = true;
				let waited = false;
				const started = performance.now();
				const done = (how) => {
					v.removeEventListener('playing', onPlaying);
					v.removeEventListener('timeupdate', onTime);
					// Where the time went: the media requests made after the seek.
					const requests = performance
						.getEntriesByType('resource')
						.filter((e) => e.startTime >= started && /\.(ts|m3u8)/.test(e.name))
						.map((e) => `${new URL(e.name).pathname.split('/').slice(-2).join('/')} ${Math.round(e.startTime - started)}-${Math.round(e.responseEnd - started)}`);
					resolve({ ms: performance.now() - started, at: v.currentTime, target, buffered, waited, how, requests });
				};
				// `playing` once data is there again; a seek the element bridges without a
				// `waiting` counts when the time moves on from the target.
				const onPlaying = () => done('playing');
				const onTime = () => !v.seeking && !v.paused && v.readyState >= 3 && v.currentTime > target + 0.05 && done('timeupdate');
				v.addEventListener('waiting', () => (waited = true), { once: true });
				v.addEventListener('playing', onPlaying);
				v.addEventListener('timeupdate', onTime);
				setTimeout(() => reject(new Error(`not playing at ${target} after 30 s (at ${v.currentTime})`)), 30_000);
				v.currentTime = target;
			})
	);
	await leave(opened);
	return result;
}

// ---- a long HLS transcode played through ---------------------------------------------

async function longPlay(state, id) {
	await noFfmpegLeft();
	const opened = await freshPage(state);
	const { page } = opened;
	const before = cpuSnapshot();
	const started = Date.now();
	await page.goto(`/play/${id}?t=0`);
	await page.waitForSelector('video', { state: 'attached' });
	await page.evaluate((rate) => {
		const v = document.querySelector('video');
		window.__play = { events: [], rate };
		for (const type of ['waiting', 'playing', 'ended', 'seeking'])
			v.addEventListener(type, () => window.__play.events.push({ type, at: performance.now(), t: v.currentTime }));
		v.addEventListener('playing', () => (v.playbackRate = rate), { once: true });
	}, cfg.rate);
	const levels = new Set();
	const deadline = started + (cfg.playSeconds / cfg.rate) * 3000 + 120_000;
	let last = 0;
	for (;;) {
		const now = await page.evaluate(() => {
			const v = document.querySelector('video');
			return { t: v.currentTime, ended: v.ended, duration: v.duration, level: document.querySelector('[data-testid=player]')?.getAttribute('data-level') };
		});
		if (now.level && now.level !== '-1') levels.add(Number(now.level));
		if (now.ended || now.t >= Math.min(cfg.playSeconds, (now.duration || Infinity) - 0.5)) break;
		if (Date.now() > deadline) throw new Error(`the long play reached only ${now.t} s`);
		if (Date.now() - last > 30_000) {
			log(`long play at ${now.t.toFixed(0)} s of ${cfg.playSeconds} (level ${now.level})`);
			last = Date.now();
		}
		await page.waitForTimeout(1000);
	}
	const after = cpuSnapshot();
	const wallSeconds = (Date.now() - started) / 1000;
	const events = await page.evaluate(() => window.__play.events);
	const mediaSeconds = await page.evaluate(() => document.querySelector('video').currentTime);
	const ladder = await page.locator('#player-quality option').allTextContents().catch(() => []);
	const leaving = await unload(opened);
	// Stalls: each `waiting` after the first `playing`, to the `playing` that ends it.
	const stalls = [];
	let playingSeen = false;
	let waitingAt = null;
	for (const e of events) {
		if (e.type === 'playing') {
			if (playingSeen && waitingAt !== null) stalls.push(e.at - waitingAt);
			playingSeen = true;
			waitingAt = null;
		} else if (e.type === 'waiting' && playingSeen && waitingAt === null) waitingAt = e.at;
	}
	return { stalls, levels: [...levels].sort(), ladder, mediaSeconds, wallSeconds, cpu: cpuBetween(before, after), events: events.length, unload: leaving };
}

// ---- the run ---------------------------------------------------------------------------

const state = await signedInState(browser, { ...cfg, viewport: VIEWPORT });
const token = await bearer();
const result = { click: {}, serverFirstSegment: {}, seek: {}, play: null };
const profiles = {};
for (const clip of CLIPS) {
	// One warm-up per film (the server's first answers, the route's code): not counted.
	const warm = await clickToPlaying(state, cfg.ids[clip]);
	profiles[clip] = warm.profile;
	result.click[clip] = [];
	if (clip !== 'direct') result.serverFirstSegment[clip] = [];
	log(`warm-up ${clip}: ${warm.method}, ${Math.round(warm.ms)} ms, profile ${warm.profile ? 'captured' : 'MISSING'}`);
}
for (let round = 0; round < cfg.rounds; round++) {
	for (const clip of CLIPS) {
		if (clip !== 'direct') result.serverFirstSegment[clip].push(await serverFirstSegment(token, cfg.ids[clip], profiles[clip]));
		const { profile: _profile, ...sample } = await clickToPlaying(state, cfg.ids[clip]);
		result.click[clip].push(sample);
		log(`round ${round + 1} click ${clip}: ${Math.round(sample.ms)} ms, first segment ${sample.firstSegment} ${JSON.stringify(sample.parts)}`);
	}
}
for (const clip of CLIPS) result.seek[clip] = [];
for (let round = 0; round < cfg.rounds; round++) {
	for (const clip of CLIPS) {
		const sample = await seekToPlaying(state, cfg.ids[clip]);
		result.seek[clip].push(sample);
		log(`round ${round + 1} seek ${clip}: ${Math.round(sample.ms)} ms (${sample.how}, buffered before: ${sample.buffered}) requests: ${sample.requests.join(', ')}`);
	}
}
if (cfg.playSeconds > 0) result.play = await longPlay(state, cfg.ids.transcode);
await browser.close();
console.log(JSON.stringify(result));
