/** How the admin console stays live: polling every 2 s (TanStack Query's refetchInterval).
 *
 * Why polling and not a server event stream: job progress lives in PostgreSQL and
 * playback sessions in Redis, written by other processes (workers, other replicas); an
 * event stream would need a fan-out channel across replicas and long-lived connections
 * through every proxy, for a page one or two admins open now and then. A 2 s poll is a
 * handful of small GETs, stops when the tab is hidden (refetchIntervalInBackground is
 * off) and needs nothing new on the server. */
export const LIVE_MS = 2000;

/** A job run is done when it succeeded or failed (queued and running still move). */
export function finished(status: string | undefined): boolean {
	return status === 'succeeded' || status === 'failed';
}

/** "1:02:03" / "4:05" for a position in seconds. */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const rest = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
