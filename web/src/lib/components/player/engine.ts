/** Puts a playback session into a <video>: the direct URL as `src`, or HLS through hls.js
 * (loaded only here, by dynamic import: it is ~160 kB) or the browser's own HLS (Safari).
 * The media token in every URL is swapped for the renewed one as it changes, so a long
 * film outlives the token's minutes without reloading anything. */
import type HlsType from 'hls.js';

export interface Level {
	index: number;
	height: number;
	bitrate: number;
}

export interface AudioTrack {
	index: number;
	name: string;
	language: string | null;
}

export interface EngineEvents {
	onLevels?: (levels: Level[]) => void;
	onAudioTracks?: (tracks: AudioTrack[]) => void;
	/** The level now playing (after a switch, automatic or chosen). */
	onLevelSwitched?: (index: number) => void;
	onFatal?: (kind: 'network' | 'media' | 'other', status: number | null) => void;
}

export interface Engine {
	readonly kind: 'direct' | 'hls.js' | 'native-hls';
	setLevel(index: number): void; // -1 = Auto
	currentLevel(): number;
	setAudioTrack(index: number): void;
	setToken(token: string): void;
	retry(): void;
	destroy(): void;
}

/** The `token` query parameter of `url` replaced by `token`. */
export function withToken(url: string, token: string): string {
	const u = new URL(url, location.origin);
	if (u.searchParams.has('token')) u.searchParams.set('token', token);
	return u.pathname + u.search;
}

/** The level to start on: the server's "original" rendition (the file's own video, copied:
 * its first segment is ready in a fraction of a transcoded one's) when the ladder has it;
 * else -1 (hls.js's own choice). Left to itself hls.js starts on a rung that fits its
 * default bandwidth guess, a transcode, and a remux then waits for the encoder. */
export function startLevelOf(levels: readonly { name?: string }[]): number {
	return levels.findIndex((l) => l.name === 'original');
}

export function tokenOf(url: string): string {
	return new URL(url, 'http://x').searchParams.get('token') ?? '';
}

export async function attach(
	video: HTMLVideoElement,
	source: { method: string; direct_url: string | null; hls_url: string | null },
	startAt: number,
	nativeHls: boolean,
	events: EngineEvents = {}
): Promise<Engine> {
	let token = tokenOf(source.direct_url ?? source.hls_url ?? '');
	if (source.direct_url || nativeHls) {
		const url = (source.direct_url ?? source.hls_url) as string;
		const load = (at: number) => {
			video.src = withToken(url, token) + (source.direct_url ? `#t=${at}` : '');
			if (!source.direct_url) video.addEventListener('loadedmetadata', () => (video.currentTime = at), { once: true });
		};
		load(startAt);
		return {
			kind: source.direct_url ? 'direct' : 'native-hls',
			setLevel: () => {},
			currentLevel: () => -1,
			setAudioTrack: () => {},
			setToken: (t) => (token = t),
			retry: () => {
				const at = video.currentTime;
				load(at);
				void video.play().catch(() => {});
			},
			destroy: () => {
				video.removeAttribute('src');
				video.load();
			}
		};
	}
	const Hls = (await import('hls.js')).default;
	const hls: HlsType = new Hls({
		startPosition: startAt,
		// Loading starts once the manifest has chosen the start level (MANIFEST_PARSED).
		autoStartLoad: false,
		// Every request carries the current token, whatever the playlist was signed with.
		xhrSetup: (xhr, url) => xhr.open('GET', withToken(url, token), true),
		maxBufferLength: 30,
		backBufferLength: 30
	});
	hls.on(Hls.Events.MANIFEST_PARSED, (_e, data) => {
		const start = startLevelOf(data.levels);
		if (start >= 0) hls.startLevel = start; // the first segment only: Auto stays on
		hls.startLoad(startAt);
		events.onLevels?.(data.levels.map((l, index) => ({ index, height: l.height, bitrate: l.bitrate })));
	});
	hls.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => events.onLevelSwitched?.(data.level));
	hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, (_e, data) =>
		events.onAudioTracks?.(data.audioTracks.map((t) => ({ index: t.id, name: t.name, language: t.lang ?? null })))
	);
	let mediaRecoveries = 0;
	hls.on(Hls.Events.ERROR, (_e, data) => {
		if (!data.fatal) return;
		if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries++ < 1) {
			hls.recoverMediaError(); // hls.js's documented first answer to a fatal media error
			return;
		}
		const status = data.response?.code ?? null;
		const kind = data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'network' : data.type === Hls.ErrorTypes.MEDIA_ERROR ? 'media' : 'other';
		events.onFatal?.(kind, status);
	});
	hls.loadSource(source.hls_url as string);
	hls.attachMedia(video);
	return {
		kind: 'hls.js',
		setLevel: (i) => {
			// currentLevel switches now (hls.js flushes the buffer; currentTime stays).
			hls.currentLevel = i;
		},
		currentLevel: () => (hls.autoLevelEnabled ? -1 : hls.currentLevel),
		setAudioTrack: (i) => (hls.audioTrack = i),
		setToken: (t) => (token = t),
		retry: () => hls.startLoad(video.currentTime),
		destroy: () => hls.destroy()
	};
}
