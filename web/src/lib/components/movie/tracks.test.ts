import { describe, expect, it } from 'vitest';
import { languageName, trackLabel } from './tracks';

const words = { mono: 'mono', stereo: 'stereo' };

describe('track labels', () => {
	it('names the language in the reader’s language', () => {
		expect(languageName('eng', 'en')).toBe('English');
		expect(languageName('de', 'en')).toBe('German');
		expect(languageName('en', 'de')).toBe('Englisch');
	});

	it('leaves an unknown language out instead of showing "?"', () => {
		expect(trackLabel({ language: null, codec: 'aac', channels: 1 }, 'en', words)).toBe('AAC · mono');
		expect(trackLabel({ language: 'und', codec: 'aac', channels: 2 }, 'en', words)).toBe('AAC · stereo');
	});

	it('gives surround layouts their usual names', () => {
		expect(trackLabel({ language: 'fre', codec: 'eac3', channels: 6 }, 'en', words)).toBe('French · EAC3 · 5.1');
		expect(trackLabel({ language: 'en', codec: 'truehd', channels: 8 }, 'en', words)).toBe('English · TRUEHD · 7.1');
		expect(trackLabel({ language: 'en', codec: 'dts', channels: 3 }, 'en', words)).toBe('English · DTS · 3ch');
	});

	it('shows a tag it cannot read as it is', () => {
		expect(languageName('Director commentary', 'en')).toBe('Director commentary');
	});
});
