/** Helpers for the player's journeys: a library of generated clips on the server, the
 * <video> element's state, the server's ffmpeg processes and transcode folder. */
import { expect, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { call } from './api';
import { CLIPS, libraryFolder, type ClipName } from './clips';
import { serverProcesses } from './processes';
import type { RunningServer } from './server';

export type MovieIds = Record<ClipName, string>;

/** Creates a library of the clips, waits for its scan, returns each clip's movie id. */
export async function clipLibrary(server: RunningServer, token: string): Promise<MovieIds> {
	const folder = libraryFolder(server.dataDir);
	const library = await call(server, 'POST', '/api/v1/admin/libraries', { name: 'Clips', paths: [folder] }, token);
	await expect
		.poll(async () => (await call(server, 'GET', `/api/v1/admin/jobs/${library.scan_job_id}`, undefined, token)).status, { timeout: 60_000 })
		.toBe('succeeded');
	const ids = {} as MovieIds;
	for (const [name, clip] of Object.entries(CLIPS) as [ClipName, (typeof CLIPS)[ClipName]][]) {
		const page = await call(server, 'GET', `/api/v1/movies?q=${encodeURIComponent(clip.title)}`, undefined, token);
		const movie = page.items.find((m: { title: string }) => m.title === clip.title);
		if (!movie) throw new Error(`the scan made no movie "${clip.title}": ${JSON.stringify(page.items)}`);
		ids[name] = movie.id;
	}
	return ids;
}

export const video = (page: Page) => page.locator('video');
export const currentTime = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => v.currentTime);

/** Opens the player and waits until the video plays (the method the server chose is returned). */
export async function openPlayer(page: Page, id: string, t: string | null = '0', rate = 1): Promise<string> {
	await page.goto(t === null ? `/play/${id}` : `/play/${id}?t=${t}`);
	await waitPlaying(page, rate);
	return (await page.getByTestId('player').getAttribute('data-method')) ?? '';
}

export async function waitPlaying(page: Page, rate = 1): Promise<void> {
	await expect(page.getByTestId('player')).not.toHaveAttribute('data-method', '', { timeout: 20_000 });
	await video(page).evaluate((v: HTMLVideoElement, r) => {
		v.playbackRate = r;
		if (v.paused) void v.play();
	}, rate);
	const start = await currentTime(page);
	await expect.poll(() => currentTime(page), { timeout: 20_000 }).toBeGreaterThan(start + 0.2);
}

/** Seeks; the milliseconds until the video plays again, and where it then is. */
export function seekToPlaying(page: Page, to: number): Promise<{ ms: number; at: number }> {
	return video(page).evaluate(
		(v: HTMLVideoElement, target) =>
			new Promise<{ ms: number; at: number }>((resolve, reject) => {
				const t0 = performance.now();
				const check = () => {
					if (!v.seeking && !v.paused && v.readyState >= 3 && v.currentTime >= target - 0.5) {
						v.removeEventListener('timeupdate', check);
						resolve({ ms: performance.now() - t0, at: v.currentTime });
					}
				};
				v.addEventListener('timeupdate', check);
				setTimeout(() => reject(new Error(`not playing at ${target} after 20 s (at ${v.currentTime})`)), 20_000);
				v.currentTime = target;
			}),
		to
	);
}

/** The ffmpeg processes descending from the server (whatever process group they run in). */
export function serverFfmpegs(server: RunningServer): number[] {
	return serverProcesses(server)
		.filter((p) => p.comm === 'ffmpeg')
		.map((p) => p.pid);
}

/** Every file under the server's transcode folder (segments, playlists). */
export function transcodeFiles(server: RunningServer): string[] {
	const root = join(server.dataDir, 'transcode');
	const files: string[] = [];
	const walk = (dir: string) => {
		let names: string[] = [];
		try {
			names = readdirSync(dir);
		} catch {
			return;
		}
		for (const name of names) {
			const path = join(dir, name);
			if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path);
			else files.push(path);
		}
	};
	walk(root);
	return files;
}
