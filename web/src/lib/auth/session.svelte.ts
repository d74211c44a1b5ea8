/** The signed-in person, held in runes: who they are and what they may do. The server
 * still decides every request; this only decides what the UI shows. */
import { withBase } from '$lib/paths';
import { api, onSessionLost, unwrap, type Schemas } from '$lib/api/client';
import { ApiError } from '$lib/api/errors';

export type User = Schemas['UserView'];
export type SystemInfo = Schemas['SystemInfo'];
export type Permission =
	| 'library.read'
	| 'playback'
	| 'library.manage'
	| 'users.manage'
	| 'settings.manage'
	| 'integrations.manage'
	| 'audit.read'
	| 'webhooks';

class Session {
	user = $state<User | null>(null);
	info = $state<SystemInfo | null>(null);
	/** False until the first answer from /users/me (signed in or not). */
	known = $state(false);
	permissions = $derived(new Set(this.user?.permissions ?? []));

	constructor() {
		onSessionLost(() => this.forget());
	}

	get signedIn(): boolean {
		return this.user !== null;
	}

	can(permission: Permission): boolean {
		return this.permissions.has(permission);
	}

	/** Asks the server who we are (the cookies say; JavaScript never sees a token). */
	async load(): Promise<void> {
		try {
			this.user = await unwrap(api.GET('/api/v1/users/me'));
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			this.user = null;
		} finally {
			this.known = true;
		}
	}

	async loadInfo(): Promise<SystemInfo> {
		this.info = await unwrap(api.GET('/api/v1/system/info'));
		return this.info;
	}

	signedInAs(user: User): void {
		this.user = user;
		this.known = true;
	}

	forget(): void {
		this.user = null;
	}

	async signOut(): Promise<void> {
		try {
			await api.POST('/api/v1/auth/logout', { body: {} });
		} finally {
			this.forget();
		}
	}
}

export const session = new Session();

/** Where to go after signing in: `next` when it is a path on this site, else home. An
 * app path, without the prefix the app is served under: `goto(withBase(safeNext(...)))`. */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	return next;
}

/** The sign-in page (a browser path, prefix included) that comes back to `path` (an app
 * path: `appPathOf(url.pathname) + url.search`). */
export function loginUrl(path: string): string {
	return withBase(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
}

/** Where the first-run set-up goes once the administrator exists (the wizard:
 * TMDb, Radarr, then the first library). */
export const AFTER_SETUP = '/getting-started';
