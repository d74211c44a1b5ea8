import { expect, lastMailTo, newUser, signInThroughForm, test } from './harness';

test('password reset through the link in the mail the server stored', async ({ page, server, admin, shot }) => {
	const user = await newUser(server, admin, 'reset');
	await page.goto('/forgot');
	await shot('forgot');
	await page.getByLabel('E-mail').fill(user.email);
	await page.getByRole('button', { name: 'Send the link' }).click();
	await expect(page.getByRole('status')).toContainText('on its way');

	let mail = '';
	await expect.poll(() => (mail = lastMailTo(server, user.email))).toContain('token=');
	const link = new URL(mail.match(/https?:\/\/\S+token=\S+/)![0]);
	expect(link.pathname).toBe('/reset');
	await page.goto(link.pathname + link.search);
	await shot('reset');
	await page.getByLabel('New password').fill('a brand new passphrase');
	await page.getByLabel('Repeat the password').fill('a brand new passphrase');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page).toHaveURL(/\/login\?reset=1$/);
	await expect(page.getByRole('status')).toHaveText('Your password is changed. Sign in with it.');
	await signInThroughForm(page, { ...user, password: 'a brand new passphrase' });
});
