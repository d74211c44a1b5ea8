import { expect, submitPassword, test } from './harness';

test('a wrong password says so and keeps the person on the form', async ({ page, admin }) => {
	await submitPassword(page, { ...admin, password: 'not my password' });
	await expect(page.getByTestId('form-error')).toContainText(/password|credentials/i);
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
});

test('registration is closed by default and the page says so', async ({ page, admin }) => {
	void admin; // the server has its administrator, so registration is closed
	await page.goto('/register');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
	await expect(page.getByText(/Registration is closed/)).toBeVisible();
});
