import { expect, newUser, signInThroughForm, test } from './harness';

test('revoking another session sends that browser to login on its next request', async ({ browser, page, server, admin, shot }) => {
	const user = await newUser(server, admin, 'sessions');
	const other = await browser.newContext({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });
	const otherPage = await other.newPage();
	await signInThroughForm(otherPage, user);

	await signInThroughForm(page, user, '/settings/sessions');
	await expect(page.getByTestId('session-row')).toHaveCount(2);
	await expect(page.getByTestId('session-row').filter({ hasText: 'This device' })).toHaveCount(1);
	await shot('sessions');
	await page.getByRole('button', { name: 'Sign out Firefox · Linux' }).click();
	await expect(page.getByTestId('session-row')).toHaveCount(1);

	await otherPage.getByRole('link', { name: 'Sessions' }).first().click();
	await expect(otherPage).toHaveURL(/\/login\?next=%2Fsettings%2Fsessions/);
	await other.close();
});
