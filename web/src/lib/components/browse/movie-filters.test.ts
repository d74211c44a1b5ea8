import { describe, expect, it } from 'vitest';
import {
	apiQueryFromView,
	decadeOf,
	DEFAULT_VIEW,
	paramsFromView,
	viewFromParams,
	withDecade,
	type MovieView
} from './movie-filters';

const view = (overrides: Partial<MovieView>): MovieView => ({ ...DEFAULT_VIEW, ...overrides });

describe('the movies view in the URL', () => {
	it('leaves the default view out of the URL', () => {
		expect(paramsFromView(DEFAULT_VIEW).toString()).toBe('');
		expect(viewFromParams(new URLSearchParams())).toEqual(DEFAULT_VIEW);
	});

	it('round-trips every filter and sort through the URL', () => {
		const chosen = view({ sort: 'year', descending: true, genre: 'Science Fiction', yearFrom: 1990, yearTo: 1999, watched: 'unwatched', missing: true });
		const url = paramsFromView(chosen).toString();
		expect(url).toBe('sort=-year&genre=Science+Fiction&from=1990&to=1999&watched=unwatched&missing=1');
		expect(viewFromParams(new URLSearchParams(url))).toEqual(chosen);
	});

	it('ignores malformed parts of a hand-edited URL and keeps the rest', () => {
		const parsed = viewFromParams(new URLSearchParams('sort=-nonsense&from=19x9&to=3000&watched=maybe&genre=Drama'));
		expect(parsed).toEqual(view({ genre: 'Drama' }));
	});

	it('asks the API for what the view shows', () => {
		expect(apiQueryFromView(view({ sort: 'rating', descending: true, genre: 'Drama', yearFrom: 2000, watched: 'watched' }))).toEqual({
			sort: '-rating',
			genre: 'Drama',
			year_from: 2000,
			watched: true
		});
		expect(apiQueryFromView(view({ watched: 'unwatched', missing: true }))).toEqual({ sort: 'title', watched: false, missing: true });
		expect(apiQueryFromView(view({ watched: 'in-progress' }))).toEqual({ sort: 'title', in_progress: true });
		expect(viewFromParams(new URLSearchParams('watched=in-progress')).watched).toBe('in-progress');
	});

	it('names a decade only when the range is exactly one', () => {
		expect(decadeOf(withDecade(DEFAULT_VIEW, 1980))).toBe(1980);
		expect(decadeOf(view({ yearFrom: 1980, yearTo: 1985 }))).toBeNull();
		expect(withDecade(view({ yearFrom: 1980, yearTo: 1989 }), null)).toEqual(DEFAULT_VIEW);
	});
});
