/** What this browser really plays, as the server's client profile: each codec is asked
 * of `MediaSource.isTypeSupported` (what hls.js and MSE need) and `canPlayType` (what a
 * plain <video src> needs), so Chromium without HEVC gets a transcode and Safari gets
 * native HLS. */
import type { Schemas } from '$lib/api/client';

export type ClientProfile = Schemas['ClientProfileBody'];

export interface Probe {
	/** `MediaSource.isTypeSupported`, or null when there is no MSE (iPhone Safari). */
	mse: ((type: string) => boolean) | null;
	/** `HTMLVideoElement.canPlayType` */
	canPlay: (type: string) => string;
}

// One representative MIME type per codec the server knows.
const VIDEO: [NonNullable<ClientProfile['video_codecs']>[number], string][] = [
	['h264', 'video/mp4; codecs="avc1.640028"'],
	['hevc', 'video/mp4; codecs="hvc1.1.6.L120.90"'],
	['vp9', 'video/webm; codecs="vp09.00.10.08"'],
	['vp8', 'video/webm; codecs="vp8"'],
	['av1', 'video/mp4; codecs="av01.0.05M.08"']
];
const AUDIO: [NonNullable<ClientProfile['audio_codecs']>[number], string][] = [
	['aac', 'audio/mp4; codecs="mp4a.40.2"'],
	['mp3', 'audio/mpeg'],
	['opus', 'audio/webm; codecs="opus"'],
	['vorbis', 'audio/webm; codecs="vorbis"'],
	['flac', 'audio/flac'],
	['ac3', 'audio/mp4; codecs="ac-3"'],
	['eac3', 'audio/mp4; codecs="ec-3"'],
	['alac', 'audio/mp4; codecs="alac"']
];
const H264: [NonNullable<ClientProfile['h264_profiles']>[number], string][] = [
	['constrained_baseline', 'avc1.42E01E'],
	['baseline', 'avc1.42001E'],
	['main', 'avc1.4D401F'],
	['high', 'avc1.640028'],
	['high10', 'avc1.6E0028']
];

export function browserProbe(): Probe {
	const video = document.createElement('video');
	const ms = (globalThis as { MediaSource?: { isTypeSupported(t: string): boolean } }).MediaSource;
	return { mse: ms ? (t) => ms.isTypeSupported(t) : null, canPlay: (t) => video.canPlayType(t) };
}

/** Native HLS only where there is no MSE for hls.js (iPhone Safari): hls.js gives the
 * quality and audio menus, and recent Chromium answers "maybe" for HLS too. */
export function useNativeHls(probe: Probe): boolean {
	return probe.mse === null && probe.canPlay('application/vnd.apple.mpegurl') !== '';
}

export function clientProfile(probe: Probe, preferredLanguage?: string | null, maxBitrate?: number | null): ClientProfile {
	const plays = (type: string) => probe.canPlay(type) !== '' || (probe.mse?.(type) ?? false);
	const containers: NonNullable<ClientProfile['containers']> = [];
	if (plays('video/mp4')) containers.push('mp4');
	if (plays('video/webm')) containers.push('webm');
	const profile: ClientProfile = {
		containers,
		video_codecs: VIDEO.filter(([, t]) => plays(t)).map(([c]) => c),
		audio_codecs: AUDIO.filter(([, t]) => plays(t)).map(([c]) => c),
		h264_profiles: H264.filter(([, c]) => plays(`video/mp4; codecs="${c}"`)).map(([p]) => p),
		max_bit_depth: 8
	};
	if (preferredLanguage && /^[A-Za-z]{2,3}$/.test(preferredLanguage)) profile.preferred_language = preferredLanguage;
	if (maxBitrate) profile.max_bitrate = maxBitrate;
	return profile;
}
