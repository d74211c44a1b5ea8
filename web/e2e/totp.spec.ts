import { expect, newUser, signInThroughForm, signOut, submitPassword, test, totp } from './harness';

test('TOTP: enrol from the secret shown, sign in with a code, a used code is refused', async ({ page, server, admin, shot }) => {
	const user = await newUser(server, admin, 'totp');
	await signInThroughForm(page, user, '/settings/security');
	await page.getByRole('button', { name: 'Set up' }).click();
	const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
	await shot('security-totp-setup');
	await page.getByLabel('Code shown by the app').fill(totp(secret));
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
	await expect(page.getByTestId('mfa-state')).toHaveText('On');

	await signOut(page);
	await submitPassword(page, user);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Second step');
	await shot('login-second-step');
	const code = totp(secret, 1); // the next step: the enrolment code's step is spent
	await page.getByLabel('Code from your authenticator app').fill(code);
	await page.getByRole('button', { name: 'Verify' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

	await signOut(page);
	await submitPassword(page, user);
	await page.getByLabel('Code from your authenticator app').fill(code);
	await page.getByRole('button', { name: 'Verify' }).click();
	await expect(page.getByTestId('form-error')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Second step');
});

test('backup codes are shown once and one of them signs in', async ({ page, server, admin, shot }) => {
	const user = await newUser(server, admin, 'backup');
	await signInThroughForm(page, user, '/settings/security');
	await page.getByRole('button', { name: 'Set up' }).click();
	const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
	await page.getByLabel('Code shown by the app').fill(totp(secret));
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
	await page.getByRole('button', { name: 'Create backup codes' }).click();
	// allTextContents() does not wait: wait for the codes the server answered first.
	const items = page.getByTestId('backup-codes').getByRole('listitem');
	await expect(items).toHaveCount(10);
	const codes = await items.allTextContents();
	await shot('security-backup-codes');
	await page.getByRole('button', { name: 'I have saved them' }).click();
	await expect(page.getByTestId('backup-codes')).toHaveCount(0); // gone for good
	await expect(page.getByTestId('backup-remaining')).toHaveText('10 unused backup codes.');

	await signOut(page);
	await submitPassword(page, user);
	await page.getByRole('tab', { name: 'Backup code' }).click();
	await page.getByLabel('Backup code').fill(codes[0]!);
	await page.getByRole('button', { name: 'Verify' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await page.goto('/settings/security');
	await expect(page.getByTestId('backup-remaining')).toHaveText('9 unused backup codes.');
});
