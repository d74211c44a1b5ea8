/** Starts a real `revenge serve` (embedded PostgreSQL, Redis, Typesense) on a fresh data
 * dir and a free port, serving web/build, and stops it with every child. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WEB_DIR = resolve(import.meta.dirname, '../..');
export const REPO_DIR = resolve(WEB_DIR, '..');

export interface ServerOptions {
	/** Extra REVENGE_* settings, e.g. { REVENGE_TMDB_BASE_URL: fakeTmdb.url }. */
	env?: Record<string, string>;
}

export interface RunningServer {
	/** http://localhost:PORT (localhost, not 127.0.0.1: WebAuthn needs a host name). */
	url: string;
	port: number;
	dataDir: string;
	/** The process id of `revenge serve` (its children share it as their process group). */
	pid: number;
	/** The server's output so far (for failure messages). */
	log(): string;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
		});
	});
}

function revengeBinary(): string {
	const venv = join(REPO_DIR, '.venv/bin/revenge');
	return process.env.REVENGE_BIN ?? (existsSync(venv) ? venv : 'revenge');
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'revenge-e2e-'));
	const url = `http://localhost:${port}`;
	let output = '';
	const child = spawn(revengeBinary(), ['serve', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: REPO_DIR,
		detached: true, // its own process group: stop() ends every child with it
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			REVENGE_DATA_DIR: dataDir,
			REVENGE_PUBLIC_URL: url,
			REVENGE_WEB_DIR: join(WEB_DIR, 'build'),
			REVENGE_LOG_FORMAT: 'console',
			REVENGE_LOG_LEVEL: 'warning',
			// Cheap password hashing: a journey signs in many times (the policy is unchanged).
			REVENGE_ARGON2_TIME_COST: '1',
			REVENGE_ARGON2_MEMORY_KIB: '8192',
			...options.env
		}
	});
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const stop = () => stopProcess(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));
	try {
		await waitUntilStarted(url, child, () => output);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, port, dataDir, pid: child.pid as number, log: () => output, stop };
}

async function waitUntilStarted(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`revenge serve exited (${child.exitCode}):\n${log()}`);
		try {
			if ((await fetch(`${url}/startupz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`revenge serve did not start within 120 s:\n${log()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	process.kill(-child.pid, 'SIGTERM');
	const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000))]);
	if (!killed) {
		process.kill(-child.pid, 'SIGKILL');
		await exited;
	}
}
