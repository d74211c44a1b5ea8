/** What the security page's cards share: the "sign out my other sessions" choice, the
 * re-authentication prompt, and one way to run a factor change through both. */
import { getContext, setContext } from 'svelte';
import { ApiError } from '$lib/api/errors';

const KEY = Symbol('security');

export class SecurityActions {
	logOutOthers = $state(false);
	reauthOpen = $state(false);
	#pending: ((ok: boolean) => void) | null = null;

	/** Query parameters every factor change takes. */
	get query(): { log_out_other_sessions: boolean } {
		return { log_out_other_sessions: this.logOutOthers };
	}

	/** Asks for the password (or a code) again; true once the server accepted it. */
	askReauthentication(): Promise<boolean> {
		this.reauthOpen = true;
		return new Promise((resolve) => (this.#pending = resolve));
	}

	reauthenticated(ok: boolean): void {
		this.reauthOpen = false;
		this.#pending?.(ok);
		this.#pending = null;
	}

	/** Runs a change; when the server wants a recent proof of identity, asks for it
	 * once and tries again. */
	async run<T>(change: () => Promise<T>): Promise<T> {
		try {
			return await change();
		} catch (error) {
			if (error instanceof ApiError && error.reauthenticationRequired && (await this.askReauthentication())) {
				return change();
			}
			throw error;
		}
	}
}

export function provideSecurityActions(): SecurityActions {
	return setContext(KEY, new SecurityActions());
}

export function securityActions(): SecurityActions {
	return getContext<SecurityActions>(KEY);
}
