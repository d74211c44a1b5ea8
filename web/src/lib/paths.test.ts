import { describe, expect, it, vi } from 'vitest';

// The app served under /revenge (what index.html's meta tag sets at run time).
vi.mock('$app/paths', () => ({ base: '/revenge' }));

const { appPathOf, withBase } = await import('./paths');
const { apiOrigin } = await import('./api/transport');

describe('paths under a prefix', () => {
	it('puts app paths under the prefix', () => {
		expect(withBase('/movies?sort=title')).toBe('/revenge/movies?sort=title');
		expect(withBase('/')).toBe('/revenge/');
	});

	it('takes the prefix off a URL pathname, and only a whole segment of it', () => {
		expect(appPathOf('/revenge/settings/security')).toBe('/settings/security');
		expect(appPathOf('/revenge')).toBe('/');
		expect(appPathOf('/revenge/')).toBe('/');
		expect(appPathOf('/revenge-x/movies')).toBe('/revenge-x/movies');
	});

	it('sends API calls under the prefix', () => {
		expect(apiOrigin()).toBe(`${location.origin}/revenge`);
	});
});
