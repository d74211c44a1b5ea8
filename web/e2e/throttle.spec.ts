import { expect, submitPassword, test } from './harness';

// Its own server: after this, every login from 127.0.0.1 is refused for 15 minutes.
test.use({ serverEnv: { E2E_SERVER: 'throttle' } });

test('ten wrong passwords: the form says when to try again', async ({ page, admin }) => {
	await submitPassword(page, { ...admin, password: 'wrong 0' });
	for (let n = 1; n < 10; n++) {
		await expect(page.getByTestId('form-error')).toBeVisible();
		await page.getByLabel('Password', { exact: true }).fill(`wrong ${n}`);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	}
	await expect(page.getByTestId('form-error')).toHaveText(/Too many attempts\. Try again in \d+ minutes?\./);
});
