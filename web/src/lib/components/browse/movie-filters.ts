/** The movies grid's view (sort, order, filters) ⇄ the page URL ⇄ the API query. The URL
 * is the one source of truth, so back/forward and shared links restore the same view. */
export const SORT_FIELDS = ['title', 'year', 'added', 'rating', 'popularity'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
// 'in-progress': movies I have a resume point in (the API's `in_progress`).
export const WATCH_STATES = ['watched', 'unwatched', 'in-progress'] as const;
export type WatchStateFilter = (typeof WATCH_STATES)[number];

export interface MovieView {
	sort: SortField;
	descending: boolean;
	genre: string | null;
	yearFrom: number | null;
	yearTo: number | null;
	watched: WatchStateFilter | null;
	/** Only movies whose files are missing (admins). */
	missing: boolean;
}

export const DEFAULT_VIEW: MovieView = {
	sort: 'title',
	descending: false,
	genre: null,
	yearFrom: null,
	yearTo: null,
	watched: null,
	missing: false
};

/** The order a field sorts in when first chosen: newest, best and most popular first. */
export function naturalDescending(field: SortField): boolean {
	return field === 'added' || field === 'rating' || field === 'popularity';
}

const MIN_YEAR = 1870;
const MAX_YEAR = 2200;

function year(value: string | null): number | null {
	if (value === null || !/^\d{4}$/.test(value)) return null;
	const n = Number(value);
	return n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
	return values.find((v) => v === value) ?? null;
}

/** The view a URL asks for; anything malformed falls back to the default for that part. */
export function viewFromParams(params: URLSearchParams): MovieView {
	const rawSort = params.get('sort') ?? '';
	const descending = rawSort.startsWith('-');
	const sort = oneOf(SORT_FIELDS, rawSort.replace(/^-/, ''));
	const genre = params.get('genre')?.trim() || null;
	return {
		sort: sort ?? DEFAULT_VIEW.sort,
		descending: sort ? descending : DEFAULT_VIEW.descending,
		genre: genre && genre.length <= 100 ? genre : null,
		yearFrom: year(params.get('from')),
		yearTo: year(params.get('to')),
		watched: oneOf(WATCH_STATES, params.get('watched')),
		missing: params.get('missing') === '1'
	};
}

/** The URL query for a view; defaults are left out so the plain page stays `/movies`. */
export function paramsFromView(view: MovieView): URLSearchParams {
	const params = new URLSearchParams();
	if (view.sort !== DEFAULT_VIEW.sort || view.descending !== DEFAULT_VIEW.descending) {
		params.set('sort', `${view.descending ? '-' : ''}${view.sort}`);
	}
	if (view.genre) params.set('genre', view.genre);
	if (view.yearFrom !== null) params.set('from', String(view.yearFrom));
	if (view.yearTo !== null) params.set('to', String(view.yearTo));
	if (view.watched) params.set('watched', view.watched);
	if (view.missing) params.set('missing', '1');
	return params;
}

export interface MovieListQuery {
	sort: `${'' | '-'}${SortField}`;
	genre?: string;
	year_from?: number;
	year_to?: number;
	watched?: boolean;
	in_progress?: boolean;
	missing?: boolean;
}

/** The `GET /api/v1/movies` query for a view (paging is added by the caller). */
export function apiQueryFromView(view: MovieView): MovieListQuery {
	const query: MovieListQuery = { sort: `${view.descending ? '-' : ''}${view.sort}` };
	if (view.genre) query.genre = view.genre;
	if (view.yearFrom !== null) query.year_from = view.yearFrom;
	if (view.yearTo !== null) query.year_to = view.yearTo;
	if (view.watched === 'in-progress') query.in_progress = true;
	else if (view.watched) query.watched = view.watched === 'watched';
	if (view.missing) query.missing = true;
	return query;
}

/** The decade a view's year range is exactly (1990 for 1990–1999), else null. */
export function decadeOf(view: MovieView): number | null {
	const { yearFrom, yearTo } = view;
	return yearFrom !== null && yearFrom % 10 === 0 && yearTo === yearFrom + 9 ? yearFrom : null;
}

export function withDecade(view: MovieView, decade: number | null): MovieView {
	return { ...view, yearFrom: decade, yearTo: decade === null ? null : decade + 9 };
}
