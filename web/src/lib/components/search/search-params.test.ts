import { describe, expect, it } from 'vitest';
import { apiQueryFromSearch, paramsFromSearch, searchFromParams, toggleDecade, toggleGenre } from './search-params';

describe('the search page state in the URL', () => {
	it('round-trips text, genres and a decade', () => {
		const state = { q: 'matirx', genres: ['Action', 'Science Fiction'], decade: 1990 };
		const url = paramsFromSearch(state).toString();
		expect(url).toBe('q=matirx&genre=Action&genre=Science+Fiction&decade=1990');
		expect(searchFromParams(new URLSearchParams(url))).toEqual(state);
	});

	it('drops a malformed decade and duplicate genres', () => {
		expect(searchFromParams(new URLSearchParams('q=x&genre=Drama&genre=Drama&decade=1995'))).toEqual({ q: 'x', genres: ['Drama'], decade: null });
	});

	it('toggles genres (any of) and one decade', () => {
		let state = { q: 'alien', genres: [] as string[], decade: null as number | null };
		state = toggleGenre(toggleGenre(state, 'Horror'), 'Action');
		expect(state.genres).toEqual(['Action', 'Horror']);
		expect(toggleGenre(state, 'Horror').genres).toEqual(['Action']);
		state = toggleDecade(toggleDecade(state, 1970), 1980);
		expect(state.decade).toBe(1980);
		expect(toggleDecade(state, 1980).decade).toBeNull();
	});

	it('asks the API for the decade as a year range', () => {
		expect(apiQueryFromSearch({ q: 'alien', genres: ['Horror'], decade: 1970 })).toEqual({ q: 'alien', genre: ['Horror'], year_from: 1970, year_to: 1979 });
		expect(apiQueryFromSearch({ q: 'alien', genres: [], decade: null })).toEqual({ q: 'alien' });
	});
});
