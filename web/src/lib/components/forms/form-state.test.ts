import { addMessages, init } from 'svelte-i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError, toProblem } from '$lib/api/errors';
import { FormState } from './form-state.svelte';

beforeAll(() => {
	addMessages('en', { errors: { network: 'The server could not be reached.' } });
	init({ fallbackLocale: 'en', initialLocale: 'en' });
});

const invalidEmail = () =>
	new ApiError(toProblem({ status: 400, detail: 'invalid', errors: [{ field: 'email', message: 'not an e-mail' }] }, 400));

describe('FormState', () => {
	it('marks the fields the server names, and no form message then', async () => {
		const form = new FormState();
		expect(await form.submit(async () => Promise.reject(invalidEmail()))).toBe(false);
		expect(form.fields).toEqual({ email: 'not an e-mail' });
		expect(form.message).toBeNull();
		expect(form.busy).toBe(false);
	});

	it('turns any other failure into one sentence for the form', async () => {
		const form = new FormState();
		await form.submit(async () => Promise.reject(new NetworkError()));
		expect(form.message).toBe('The server could not be reached.');
		expect(form.fields).toEqual({});
	});

	it('is busy while the action runs and clears old errors on success', async () => {
		const form = new FormState();
		await form.submit(async () => Promise.reject(invalidEmail()));
		let busyDuring = false;
		expect(await form.submit(async () => void (busyDuring = form.busy))).toBe(true);
		expect(busyDuring).toBe(true);
		expect(form.fields).toEqual({});
		expect(form.message).toBeNull();
	});

	it('still says something when the server names only a field the form does not show', async () => {
		const form = new FormState(['password']);
		await form.submit(async () => Promise.reject(invalidEmail()));
		expect(form.message).toBe('invalid');
	});

	it('does not run the action when the check finds field errors', async () => {
		const form = new FormState();
		let ran = false;
		const ok = await form.submit(
			async () => void (ran = true),
			() => FormState.confirmed('a', 'b', 'The passwords differ.')
		);
		expect([ok, ran]).toEqual([false, false]);
		expect(form.fields).toEqual({ confirm: 'The passwords differ.' });
	});
});
