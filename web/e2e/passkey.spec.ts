import { addVirtualAuthenticator, expect, newUser, signInThroughForm, signOut, test } from './harness';

test('a passkey registered in the virtual authenticator signs in without a password', async ({ page, server, admin, shot }) => {
	await addVirtualAuthenticator(page);
	const user = await newUser(server, admin, 'passkey');
	await signInThroughForm(page, user, '/settings/security');
	await page.getByLabel('Name of the key').fill('Laptop passkey');
	await page.getByRole('button', { name: 'Register a key or passkey' }).click();
	await expect(page.getByTestId('security-key-row')).toContainText('Laptop passkey');
	await shot('security-keys');

	await page.getByRole('button', { name: 'Rename Laptop passkey' }).click();
	await page.getByLabel('Name of the key').last().fill('Work laptop');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('security-key-row')).toContainText('Work laptop');

	await signOut(page);
	await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await expect(page.getByText(`Welcome, ${user.display_name}.`)).toBeVisible();
});
