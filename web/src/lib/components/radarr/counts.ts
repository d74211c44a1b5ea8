/** The counters a Radarr sync reports (revenge/application/radarr/records.py SyncReport),
 * in the order a person reads them; each has a label under `radarr.counts.*`. */
export const SYNC_COUNTS = [
	'radarr_movies',
	'examined',
	'movies_created',
	'ids_linked',
	'files_added',
	'files_moved',
	'files_missing',
	'conflicts_opened',
	'conflicts_closed',
	'writes',
	'scans_requested'
] as const;

export function knownCounts(result: unknown): [string, number][] {
	const values = (result ?? {}) as Record<string, unknown>;
	return SYNC_COUNTS.filter((k) => typeof values[k] === 'number').map((k) => [k, values[k] as number]);
}
