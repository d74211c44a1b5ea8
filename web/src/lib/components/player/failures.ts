/** What went wrong, in words the person understands, and what they can do about it. */
import { ApiError, NetworkError } from '$lib/api/errors';

export type Failure =
	| { kind: 'missing' } // the file is gone: offer the movie page
	| { kind: 'busy'; retryAfter: number | null } // every transcoding slot in use (429)
	| { kind: 'network' } // retried with backoff, position kept
	| { kind: 'unplayable' } // the browser refused the stream: offer transcoding
	| { kind: 'forbidden' }
	| { kind: 'other'; detail: string };

export function failureOf(error: unknown): Failure {
	if (error instanceof NetworkError) return { kind: 'network' };
	if (error instanceof ApiError) {
		if (error.status === 429) return { kind: 'busy', retryAfter: error.retryAfter };
		if (error.status === 404 || error.status === 410) return { kind: 'missing' };
		if (error.status === 403) return { kind: 'forbidden' };
		return { kind: 'other', detail: error.problem.detail || error.problem.title || String(error.status) };
	}
	return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
}

/** A media element error: MEDIA_ERR_NETWORK (2) is the network; DECODE (3) and
 * SRC_NOT_SUPPORTED (4) mean this browser cannot play what it was sent. */
export function mediaFailure(code: number | undefined): Failure {
	if (code === 2) return { kind: 'network' };
	if (code === 3 || code === 4) return { kind: 'unplayable' };
	return { kind: 'other', detail: `media error ${code ?? '?'}` };
}

export const FAILURE_KEYS: Record<Failure['kind'], string> = {
	missing: 'player.errors.missing',
	busy: 'player.errors.busy',
	network: 'player.errors.network',
	unplayable: 'player.errors.unplayable',
	forbidden: 'player.errors.forbidden',
	other: 'player.errors.other'
};

/** Network retries: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffMs(attempt: number): number {
	return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}
