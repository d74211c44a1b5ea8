import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PasswordStep from './PasswordStep.svelte';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
	const type = status < 400 ? 'application/json' : 'application/problem+json';
	return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } }));
}

async function submit(username = 'ada', password = 'secret words') {
	await fireEvent.input(screen.getByLabelText('Username or e-mail'), { target: { value: username } });
	await fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
	await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('PasswordStep', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('shows the server\'s reason for a wrong password and clears the password', async () => {
		vi.stubGlobal('fetch', answer(401, { status: 401, title: 'Authentication failed', detail: 'wrong username or password' }));
		render(PasswordStep, { onsignedin: vi.fn(), onchallenge: vi.fn() });
		await submit();
		expect(await screen.findByText('wrong username or password')).toBeTruthy();
		expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
	});

	it('says when to try again after too many attempts', async () => {
		vi.stubGlobal('fetch', answer(429, { status: 429, detail: 'too many failed logins' }, { 'retry-after': '840' }));
		render(PasswordStep, { onsignedin: vi.fn(), onchallenge: vi.fn() });
		await submit();
		expect(await screen.findByText('Too many attempts. Try again in 14 minutes.')).toBeTruthy();
	});

	it('hands an MFA challenge to the second step', async () => {
		const challenge = { mfa_required: true, mfa_token: 'rvm_x', methods: ['totp', 'backup_code'] };
		vi.stubGlobal('fetch', answer(200, challenge));
		const onchallenge = vi.fn();
		render(PasswordStep, { onsignedin: vi.fn(), onchallenge });
		await submit();
		await vi.waitFor(() => expect(onchallenge).toHaveBeenCalledWith(challenge));
	});

	it('says the server cannot be reached when the network fails', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		render(PasswordStep, { onsignedin: vi.fn(), onchallenge: vi.fn() });
		await submit();
		expect(await screen.findByText(/could not be reached/)).toBeTruthy();
	});
});
