/** Debian's nginx in front of a `revenge serve`, publishing it under a path prefix the way
 * a self-hoster's proxy does: `location /revenge/ { proxy_pass http://revenge/; }` strips
 * the prefix, so the server sees `/movies` while the browser is at `/revenge/movies`
 * (the server also answers with the prefix kept: tests/e2e/prefix covers that style).
 * The same config as the topology test's (tests/e2e/topology/cluster.py). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningProxy {
	/** http://localhost:PORT (WebAuthn needs a host name). */
	origin: string;
	port: number;
	stop(): Promise<void>;
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

export function nginxAvailable(): boolean {
	return NGINX !== undefined;
}

function config(dir: string, port: number, prefix: string, upstream: number): string {
	// As root, nginx's workers would switch to `nobody`; keep them ours instead.
	const user = process.getuid?.() === 0 ? 'user root;' : '';
	return `worker_processes 1;
${user}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
        listen 127.0.0.1:${port};
        location ${prefix}/ {
            proxy_pass http://127.0.0.1:${upstream}/;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_buffering off;
            proxy_read_timeout 120s;
        }
    }
}
`;
}

/** nginx on `port` passing `prefix`/… to the server on `upstream` without the prefix. */
export async function startPrefixProxy(port: number, prefix: string, upstream: number): Promise<RunningProxy> {
	if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx-light)');
	const dir = mkdtempSync(join(tmpdir(), 'revenge-nginx-'));
	for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
	const conf = join(dir, 'nginx.conf');
	writeFileSync(conf, config(dir, port, prefix, upstream));
	const child = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { detached: true, stdio: 'ignore' });
	const log = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
	const stop = () => stopProcess(child).finally(() => rmSync(dir, { recursive: true, force: true }));
	const deadline = Date.now() + 10_000;
	while (!(await accepts(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			const output = log();
			await stop();
			throw new Error(`nginx did not start:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	return { origin: `http://localhost:${port}`, port, stop };
}

function accepts(port: number): Promise<boolean> {
	return new Promise((done) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), done(true)));
		socket.once('error', () => done(false));
	});
}

async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	process.kill(-child.pid, 'SIGTERM'); // its own process group: the workers go with it
	await exited;
}
