/** The project's fake Radarr (tests/fakes/radarr) in its own process, for the Radarr
 * journeys: Radarr's API v3 wire format with its API key check, `generated(N)` movies
 * ("Movie N (1950+N)", TMDb 100000+N, files under /movies), and control calls that
 * change a movie's TMDb id the way re-identifying it in Radarr does and give the webhook
 * body Radarr would send. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, REPO_DIR } from './server';

/** tests/fakes/radarr/server.py API_KEY */
export const FAKE_RADARR_API_KEY = '0123456789abcdef0123456789abcdef';

export interface FakeRadarr {
	url: string;
	retag(radarrId: number, tmdbId: number): Promise<void>;
	/** The "Grab" webhook body Radarr would send for that movie. */
	grabPayload(radarrId: number): Promise<unknown>;
	stop(): Promise<void>;
}

function python(): string {
	const venv = join(REPO_DIR, '.venv/bin/python');
	return existsSync(venv) ? venv : 'python3';
}

export async function startFakeRadarr(movies = 3): Promise<FakeRadarr> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(python(), ['-m', 'tests.fakes.radarr', '--port', String(port), '--movies', String(movies)], {
		cwd: REPO_DIR,
		detached: true,
		stdio: 'ignore'
	});
	const stop = async () => {
		if (child.exitCode !== null || child.pid === undefined) return;
		const exited = new Promise((done) => child.once('exit', done));
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
	};
	const retag = async (radarrId: number, tmdbId: number) => {
		const answer = await fetch(`${url}/__fake__/movie/${radarrId}/tmdb/${tmdbId}`, { method: 'POST' });
		if (!answer.ok) throw new Error(`the fake Radarr did not retag movie ${radarrId}: ${answer.status}`);
	};
	const grabPayload = async (radarrId: number) => (await fetch(`${url}/__fake__/webhook/grab/${radarrId}`)).json();
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the fake Radarr exited (${child.exitCode})`);
		try {
			if ((await fetch(`${url}/__fake__/ping`)).ok) return { url, retag, grabPayload, stop };
		} catch {
			// not listening yet
		}
		await new Promise((done) => setTimeout(done, 100));
	}
	await stop();
	throw new Error('the fake Radarr did not start within 30 s');
}
