/** What every form of the app tracks while it talks to the server: whether it is busy,
 * the server's message for a field (shown by `FormField`), or one sentence for the whole
 * form (shown by `FormAlert`). One place decides which of the two a failure becomes. */
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { describeError } from '$lib/api/describe';
import { ApiError } from '$lib/api/errors';

export type FieldErrors = Record<string, string>;

export class FormState {
	busy = $state(false);
	message = $state<string | null>(null);
	fields = $state<FieldErrors>({});

	/** `shown`: the fields this form displays, when the server may name others (a
	 * failure naming only those others still gets a form message). Default: any field. */
	constructor(private readonly shown?: readonly string[]) {}

	/**
	 * Runs `action` unless `check` finds field errors first (e.g. two passwords that
	 * differ). A failure with field errors marks those fields; any other failure becomes
	 * the form's message. Resolves to whether the action succeeded.
	 */
	async submit(action: () => Promise<void>, check: () => FieldErrors = () => ({})): Promise<boolean> {
		this.message = null;
		this.fields = check();
		if (Object.keys(this.fields).length) return false;
		this.busy = true;
		try {
			await action();
			return true;
		} catch (error) {
			this.fields = error instanceof ApiError ? error.fieldErrors : {};
			const named = Object.keys(this.fields).filter((f) => !this.shown || this.shown.includes(f));
			this.message = named.length ? null : describeError(error, get(_));
			return false;
		} finally {
			this.busy = false;
		}
	}

	/** The check for a new password typed twice. */
	static confirmed(password: string, confirm: string, message: string): FieldErrors {
		return password === confirm ? {} : { confirm: message };
	}
}
