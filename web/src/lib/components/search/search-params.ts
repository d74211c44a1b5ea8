/** The search page's state (text, ticked genres, a decade) ⇄ its URL ⇄ the API query. */
export interface SearchState {
	q: string;
	genres: string[];
	decade: number | null;
}

export function searchFromParams(params: URLSearchParams): SearchState {
	const decade = params.get('decade');
	return {
		q: (params.get('q') ?? '').slice(0, 200),
		genres: [...new Set(params.getAll('genre').filter((g) => g && g.length <= 100))].sort(),
		decade: decade && /^\d{4}$/.test(decade) && Number(decade) % 10 === 0 ? Number(decade) : null
	};
}

export function paramsFromSearch(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const genre of [...state.genres].sort()) params.append('genre', genre);
	if (state.decade !== null) params.set('decade', String(state.decade));
	return params;
}

export function apiQueryFromSearch(state: SearchState): { q: string; genre?: string[]; year_from?: number; year_to?: number } {
	return {
		q: state.q,
		...(state.genres.length ? { genre: state.genres } : {}),
		...(state.decade !== null ? { year_from: state.decade, year_to: state.decade + 9 } : {})
	};
}

/** Ticking a genre adds it (results have any ticked genre); ticking it again removes it. */
export function toggleGenre(state: SearchState, genre: string): SearchState {
	const genres = state.genres.includes(genre) ? state.genres.filter((g) => g !== genre) : [...state.genres, genre].sort();
	return { ...state, genres };
}

/** One decade at a time (the API takes one year range); ticking it again clears it. */
export function toggleDecade(state: SearchState, decade: number): SearchState {
	return { ...state, decade: state.decade === decade ? null : decade };
}
