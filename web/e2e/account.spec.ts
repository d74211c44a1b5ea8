import { expect, newUser, signInThroughForm, test } from './harness';

test('display name and password changes', async ({ page, server, admin }) => {
	const user = await newUser(server, admin, 'account');
	await signInThroughForm(page, user, '/settings/account');
	await page.getByLabel('Display name').fill('Renamed Person');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Your profile is saved.')).toBeVisible();

	await page.getByLabel('Current password').fill('not it');
	await page.getByLabel('New password').fill('another long passphrase');
	await page.getByLabel('Repeat the password').fill('another long passphrase');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('alert').filter({ hasText: /password/i }).first()).toBeVisible();

	await page.getByLabel('Current password').fill(user.password);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText(/Your password is changed/)).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Display name')).toHaveValue('Renamed Person');
});

test('an API key is shown once, listed, and revoked', async ({ page, server, admin }) => {
	const user = await newUser(server, admin, 'keys');
	await signInThroughForm(page, user, '/settings/api-keys');
	await page.getByLabel('Name', { exact: true }).fill('Home script');
	await page.getByRole('checkbox', { name: 'library.read' }).check();
	await page.getByRole('button', { name: 'Create key' }).click();
	const key = (await page.getByTestId('new-api-key').textContent())!.trim();
	expect(key.length).toBeGreaterThan(20);
	const movies = () => fetch(`${server.url}/api/v1/movies?limit=1`, { headers: { authorization: `Bearer ${key}` } });
	expect((await movies()).status).toBe(200);
	await page.getByRole('button', { name: 'Done' }).click();
	await expect(page.getByTestId('new-api-key')).toHaveCount(0);
	await expect(page.getByTestId('api-key-row')).toContainText('Home script');
	await page.getByRole('button', { name: 'Revoke Home script' }).click();
	await expect(page.getByTestId('api-key-row')).toHaveCount(0);
	expect((await movies()).status).toBe(401);
});
