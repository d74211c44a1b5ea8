/** The mails a server without SMTP keeps in its `mail_outbox` table (embedded PostgreSQL:
 * its port and password are in the data dir), read with the project's Python. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_DIR, type RunningServer } from './server';

const QUERY = `
import sys, psycopg
with psycopg.connect(sys.argv[1]) as conn:
    row = conn.execute("SELECT body FROM mail_outbox WHERE recipient = %s ORDER BY created_at DESC LIMIT 1", (sys.argv[2],)).fetchone()
print(row[0] if row else "")
`;

export function databaseUrl(server: RunningServer): string {
	const password = readFileSync(join(server.dataDir, 'postgres.password'), 'utf8').trim();
	const port = readFileSync(join(server.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]?.trim();
	return `postgresql://revenge:${password}@127.0.0.1:${port}/revenge`;
}

/** The body of the newest mail to `recipient` ('' when there is none). */
export function lastMailTo(server: RunningServer, recipient: string): string {
	const venv = join(REPO_DIR, '.venv/bin/python');
	const python = existsSync(venv) ? venv : 'python3';
	return execFileSync(python, ['-c', QUERY, databaseUrl(server), recipient]).toString().trim();
}
