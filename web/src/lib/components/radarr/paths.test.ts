import { describe, expect, it } from 'vitest';
import { toLocal } from './paths';

// The cases of tests/unit/radarr (the server's rules), so the preview says what a sync does.
const MAPPINGS = [
	{ remote: '/movies', local: '/media/movies' },
	{ remote: '/movies/4k', local: '/mnt/uhd' },
	{ remote: 'D:\\Films', local: '/nas/films' },
	{ remote: '\\\\nas\\share', local: '/mnt/share' }
];

describe('toLocal', () => {
	it.each([
		['/movies/Heat (1995)/Heat.mkv', '/media/movies/Heat (1995)/Heat.mkv'],
		['/movies/4k/Dune (2021)/Dune.mkv', '/mnt/uhd/Dune (2021)/Dune.mkv'],
		['/movies2/Other.mkv', '/movies2/Other.mkv'],
		['/movies', '/media/movies'],
		['d:/films/Alien (1979)\\Alien.mkv', '/nas/films/Alien (1979)/Alien.mkv'],
		['D:\\FILMS\\Alien.mkv', '/nas/films/Alien.mkv'],
		['\\\\NAS\\share\\x\\y.mkv', '/mnt/share/x/y.mkv'],
		['E:\\Elsewhere\\z.mkv', null],
		['relative/path.mkv', null],
		['/movies//Heat/./a/../Heat.mkv', '/media/movies/Heat/Heat.mkv']
	])('%s → %s', (remote, local) => {
		expect(toLocal(remote, MAPPINGS)).toBe(local);
	});

	it('ignores a row still being typed', () => {
		expect(toLocal('/movies/x.mkv', [{ remote: '/movies', local: '' }])).toBe('/movies/x.mkv');
	});
});
