/** The live preview of Radarr's path mappings: the same rules as the server's
 * `revenge/domain/radarr/paths.py` (longest prefix wins, whole folder names only, Windows
 * paths case-insensitive with either slash and written with forward slashes). */
export interface PathMapping {
	remote: string;
	local: string;
}

const DRIVE = /^[A-Za-z]:([\\/]|$)/;

export function isWindows(path: string): boolean {
	return DRIVE.test(path) || path.startsWith('\\\\') || path.startsWith('//');
}

/** POSIX normpath: no doubled or trailing slash, `.` and `..` resolved. */
function normpath(path: string): string {
	if (!path) return '.';
	const absolute = path.startsWith('/');
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (!part || part === '.') continue;
		if (part === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
		else if (part !== '..' || !absolute) parts.push(part);
	}
	const joined = parts.join('/');
	return absolute ? `/${joined}` : joined || '.';
}

export function canonical(path: string): string {
	if (!isWindows(path)) return path ? normpath(path) : path;
	const slashed = path.replaceAll('\\', '/');
	if (slashed.startsWith('//')) return '/' + normpath('/' + slashed.replace(/^\/+/, ''));
	return slashed.slice(0, 2).toUpperCase() + normpath('/' + slashed.slice(2).replace(/^\/+/, ''));
}

const folded = (path: string) => (isWindows(path) ? path.toLowerCase() : path);

function relativeTo(path: string, prefix: string): string | null {
	const p = folded(path);
	const f = folded(prefix).replace(/\/+$/, '');
	if (p === f) return '';
	if (p.startsWith(f + '/')) return path.slice(f.length + 1);
	return null;
}

/** Our path for one of Radarr's; null for a Windows path no rule covers (the server
 * cannot open it). A POSIX path no rule covers is kept as it is (same mounts). */
export function toLocal(path: string, mappings: readonly PathMapping[]): string | null {
	const remote = canonical(path.trim());
	let best: [number, string] | null = null;
	for (const mapping of mappings) {
		if (!mapping.remote.trim() || !mapping.local.trim()) continue;
		const prefix = canonical(mapping.remote.trim());
		const rest = relativeTo(remote, prefix);
		if (rest !== null && (best === null || prefix.length > best[0])) {
			const local = mapping.local.trim().replace(/\/+$/, '') || '/';
			best = [prefix.length, rest ? `${local}/${rest}` : local];
		}
	}
	if (best) return normpath(best[1]);
	return isWindows(remote) || !remote.startsWith('/') ? null : remote;
}
