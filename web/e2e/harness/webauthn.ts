/** Chromium's virtual authenticator (CDP WebAuthn domain): a platform authenticator with
 * resident keys and user verification, so passkeys work without hardware. */
import type { Page } from '@playwright/test';

export async function addVirtualAuthenticator(page: Page): Promise<() => Promise<void>> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable', { enableUI: false });
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			automaticPresenceSimulation: true
		}
	});
	return async () => {
		await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
	};
}
