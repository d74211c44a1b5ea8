/** The playback calls the player makes, through the generated client. The last ones of a
 * page (final progress, ending the session) use `keepalive` so they survive the page. */
import { api, unwrap, type Schemas } from '$lib/api/client';
import type { ClientProfile } from './capabilities';

export type SessionView = Schemas['entrypoints_http_playback_schemas_SessionView'];

export function startSession(movieId: string, profile: ClientProfile, audioIndex?: number): Promise<SessionView> {
	return unwrap(
		api.POST('/api/v1/playback/sessions', {
			body: { movie_id: movieId, profile, ...(audioIndex !== undefined ? { audio_index: audioIndex } : {}) }
		})
	);
}

export function renewToken(sessionId: string): Promise<SessionView> {
	return unwrap(api.POST('/api/v1/playback/sessions/{session_id}/token', { params: { path: { session_id: sessionId } } }));
}

export function endSession(sessionId: string, position: number | null): void {
	void api
		.DELETE('/api/v1/playback/sessions/{session_id}', {
			params: {
				path: { session_id: sessionId },
				query: position !== null && position >= 0 ? { position_seconds: position } : {}
			},
			keepalive: true
		})
		.catch(() => {});
}

export function reportProgress(movieId: string, position: number, duration: number, final: boolean): void {
	if (!(duration > 0)) return;
	void api
		.POST('/api/v1/movies/{movie_id}/progress', {
			params: { path: { movie_id: movieId } },
			body: { position_seconds: Math.min(position, duration), duration_seconds: duration },
			keepalive: final
		})
		.catch(() => {});
}

export function movie(movieId: string): Promise<Schemas['MovieDetail']> {
	return unwrap(api.GET('/api/v1/movies/{movie_id}', { params: { path: { movie_id: movieId } } }));
}

export function progress(movieId: string): Promise<Schemas['WatchProgress']> {
	return unwrap(api.GET('/api/v1/movies/{movie_id}/progress', { params: { path: { movie_id: movieId } } }));
}

/** The person's playback settings (#17's /settings/playback); defaults if unreadable. */
export async function playbackSettings(): Promise<Schemas['UserSettingsView'] | null> {
	try {
		return await unwrap(api.GET('/api/v1/users/me/settings'));
	} catch {
		return null;
	}
}

/** The movie after this one in its first collection, if any. */
export async function upNext(detail: Schemas['MovieDetail']): Promise<Schemas['MovieListItem'] | null> {
	const collection = detail.collections[0];
	if (!collection) return null;
	try {
		const page = await unwrap(
			api.GET('/api/v1/collections/{collection_id}/movies', { params: { path: { collection_id: collection.id } } })
		);
		const at = page.items.findIndex((m) => m.id === detail.id);
		return at >= 0 ? (page.items[at + 1] ?? null) : null;
	} catch {
		return null;
	}
}
