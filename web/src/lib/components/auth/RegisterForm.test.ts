import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RegisterForm from './RegisterForm.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn() }));

async function fill(password: string, confirm: string) {
	await fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'ada' } });
	await fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'ada@example.com' } });
	await fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
	await fireEvent.input(screen.getByLabelText('Repeat the password'), { target: { value: confirm } });
	await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('RegisterForm', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('refuses two different passwords before asking the server', async () => {
		const fetch = vi.fn();
		vi.stubGlobal('fetch', fetch);
		render(RegisterForm, { title: 'Create an account', submitLabel: 'Create account', next: '/' });
		await fill('one long password', 'another long password');
		expect(await screen.findByText('The two passwords differ.')).toBeTruthy();
		expect(fetch).not.toHaveBeenCalled();
	});

	it('shows the server\'s message next to the field it names', async () => {
		const problem = { status: 422, detail: 'password too common', errors: [{ field: 'password', message: 'this password is too common' }] };
		vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(problem), { status: 422, headers: { 'content-type': 'application/problem+json' } })));
		render(RegisterForm, { title: 'Create an account', submitLabel: 'Create account', next: '/' });
		await fill('password1', 'password1');
		const message = await screen.findByText('this password is too common');
		expect(message.id).toBe('password-error');
		expect(screen.queryByTestId('form-error')).toBeNull();
	});
});
