import { get } from 'svelte/store';
import { locale } from 'svelte-i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptSavedLocale, chooseLocale, preferredLocale, supportedLocale } from './index';

afterEach(async () => {
	localStorage.clear();
	await locale.set('en');
});

describe('locales', () => {
	it.each([
		['de', 'de'],
		['de-AT', 'de'],
		['en-GB', 'en'],
		['fr', null],
		['', null],
		[null, null]
	])('%s is served as %s', (tag, served) => {
		expect(supportedLocale(tag)).toBe(served);
	});

	it('a choice is remembered by this browser, so a reload starts in it', async () => {
		await chooseLocale('de');
		expect(get(locale)).toBe('de');
		expect(document.documentElement.lang).toBe('de');
		expect(preferredLocale()).toBe('de');
	});

	it("a browser without a choice takes the person's saved language", async () => {
		await adoptSavedLocale('de');
		expect(get(locale)).toBe('de');
	});

	it("this browser's own choice wins over the saved one", async () => {
		await chooseLocale('en');
		await adoptSavedLocale('de');
		expect(get(locale)).toBe('en');
	});

	it('German messages load and differ from English', async () => {
		await chooseLocale('de');
		const { _ } = await import('svelte-i18n');
		expect(get(_)('nav.home')).toBe('Startseite');
		expect(get(_)('browse.count', { values: { count: 2 } })).toBe('2 Filme');
	});
});
