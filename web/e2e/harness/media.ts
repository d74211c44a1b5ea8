/** A movie library for browse journeys: the project's fake TMDb in its own process and
 * a folder of tiny clips generated with ffmpeg under real-looking release names. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, REPO_DIR } from './server';

export const FAKE_TMDB_API_KEY = 'fake-tmdb-api-key';

export interface FakeTmdb {
	/** The API base to give the server (REVENGE_TMDB_BASE_URL). */
	baseUrl: string;
	stop(): Promise<void>;
}

function python(): string {
	const venv = join(REPO_DIR, '.venv/bin/python');
	return existsSync(venv) ? venv : 'python3';
}

export async function startFakeTmdb(): Promise<FakeTmdb> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(python(), ['-m', 'revenge.testing.fake_tmdb', '--port', String(port)], {
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
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the fake TMDb exited (${child.exitCode})`);
		try {
			if ((await fetch(`${url}/__fake__/stats`)).ok) return { baseUrl: `${url}/3`, stop };
		} catch {
			// not listening yet
		}
		await new Promise((done) => setTimeout(done, 100));
	}
	await stop();
	throw new Error('the fake TMDb did not start within 30 s');
}

export interface ClipLibrary {
	dir: string;
	remove(): void;
}

/** Each file a distinct 1-second clip (H.264 + AAC, 160×90), so no two share a hash. */
export function makeClipLibrary(names: readonly string[]): ClipLibrary {
	const dir = mkdtempSync(join(tmpdir(), 'revenge-clips-'));
	for (const [i, name] of names.entries()) {
		const file = join(dir, name);
		mkdirSync(dirname(file), { recursive: true });
		execFileSync('ffmpeg', [
			'-v', 'error', '-y',
			'-f', 'lavfi', '-i', `testsrc=size=160x90:rate=10:duration=1`,
			'-f', 'lavfi', '-i', `sine=frequency=${300 + i * 20}:duration=1`,
			'-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest',
			'-metadata', `title=${name}`, file
		]);
	}
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
