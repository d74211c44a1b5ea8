import { readdirSync, readFileSync } from 'node:fs';
import type { RunningServer } from './server';

export interface ServerProcess {
	pid: number;
	comm: string;
	cmdline: string;
}

/** Every process descending from the server (whatever process group it runs in). */
export function serverProcesses(server: RunningServer): ServerProcess[] {
	const procs = new Map<number, { ppid: number; comm: string }>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			procs.set(Number(entry), { ppid, comm });
		} catch {
			// the process ended while we looked
		}
	}
	const descends = (pid: number): boolean => {
		for (let p = procs.get(pid)?.ppid, hops = 0; p && hops < 20; p = procs.get(p)?.ppid, hops++) if (p === server.pid) return true;
		return false;
	};
	return [...procs]
		.filter(([pid]) => descends(pid))
		.map(([pid, p]) => ({ pid, comm: p.comm, cmdline: cmdline(pid) }));
}

function cmdline(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return '';
	}
}

/** The server's background worker (`revenge worker`): a test pauses it (SIGSTOP) to hold a
 * job in `running` for as long as it looks, whatever the machine's speed. */
export function serverWorker(server: RunningServer): number {
	const workers = serverProcesses(server).filter((p) => /\brevenge worker\b/.test(p.cmdline));
	if (workers.length !== 1) throw new Error(`expected one worker, found ${JSON.stringify(workers)}`);
	return workers[0]!.pid;
}
