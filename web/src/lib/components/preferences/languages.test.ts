import { describe, expect, it } from 'vitest';
import { languageName, languageOptions, qualityChoice } from './languages';

describe('playback preference choices', () => {
	it.each([
		[null, null],
		[undefined, null],
		[40_000, 40_000],
		[25_000, 20_000],
		[8_000, 8_000],
		[500, 720]
	])('a saved %s kb/s shows as the %s choice', (saved, choice) => {
		expect(qualityChoice(saved)).toBe(choice);
	});

	it('names languages in the interface language and sorts by that name', () => {
		expect(languageName('de', 'de')).toBe('Deutsch');
		expect(languageName('fr', 'en')).toBe('French');
		const names = languageOptions('de').map((l) => l.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
	});
});
