import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '$lib/api/errors';
import { clientProfile, useNativeHls, type Probe } from './capabilities';
import { backoffMs, failureOf, mediaFailure } from './failures';
import { startLevelOf } from './engine';
import { keyAction } from './keys';
import { ProgressSchedule, REPORT_EVERY_MS } from './progress';
import { clock, startFrom } from './resume';
import { initialSubtitle, type SubtitleLink } from './subtitles';
import { sideOf } from '$lib/actions/taps';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => keyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard', () => {
	it.each([
		[' ', 'togglePlay'],
		['k', 'togglePlay'],
		['K', 'togglePlay'],
		['ArrowLeft', 'back10'],
		['ArrowRight', 'forward10'],
		['ArrowUp', 'volumeUp'],
		['ArrowDown', 'volumeDown'],
		['f', 'fullscreen'],
		['m', 'mute'],
		['c', 'captions'],
		['Escape', 'exitFullscreen']
	])('%j means %s', (k, action) => expect(key(k)).toBe(action));

	it('leaves other keys and browser shortcuts alone', () => {
		expect(key('x')).toBeNull();
		expect(key('f', { ctrlKey: true })).toBeNull();
		expect(key('k', { metaKey: true })).toBeNull();
	});
});

describe('progress schedule', () => {
	function schedule() {
		let now = 0;
		const sent: [number, boolean][] = [];
		const s = new ProgressSchedule((p, f) => sent.push([p, f]), () => now);
		return { s, sent, advance: (ms: number) => (now += ms) };
	}

	it('reports every 10 s while playing, not on every timeupdate', () => {
		const { s, sent, advance } = schedule();
		for (let i = 0; i < 100; i++) {
			s.tick(i * 0.25);
			advance(250); // timeupdate fires about 4 times a second
		}
		expect(sent.map(([p]) => p)).toEqual([0, 10, 20]);
		expect(REPORT_EVERY_MS).toBe(10_000);
	});

	it('reports at once on pause and seek, and a final report always goes with keepalive', () => {
		const { s, sent, advance } = schedule();
		s.tick(5);
		advance(100);
		s.event(5.1); // pause right after: a new position is worth a report
		s.event(5.1); // the same position within a second is not
		advance(100);
		s.event(600); // seek
		s.final(601);
		expect(sent).toEqual([
			[5, false],
			[5.1, false],
			[600, false],
			[601, true]
		]);
	});

	it('never reports a position that is not one', () => {
		const { s, sent } = schedule();
		s.final(NaN);
		s.event(-1);
		expect(sent).toEqual([]);
	});
});

describe('resume question', () => {
	it('asks when there is a saved position', () => expect(startFrom(null, 3723)).toEqual({ kind: 'ask', resumeAt: 3723 }));
	it('?t= skips the question', () => expect(startFrom('0', 3723)).toEqual({ kind: 'at', seconds: 0 }));
	it('?t=90 starts at 90 s', () => expect(startFrom('90', null)).toEqual({ kind: 'at', seconds: 90 }));
	it('a nonsense ?t= is ignored', () => expect(startFrom('abc', 50)).toEqual({ kind: 'ask', resumeAt: 50 }));
	it('no saved position starts at 0', () => expect(startFrom(null, 0)).toEqual({ kind: 'at', seconds: 0 }));
	it('writes times as people read them', () => {
		expect(clock(3723)).toBe('1:02:03');
		expect(clock(62)).toBe('1:02');
		expect(clock(NaN)).toBe('0:00');
	});
});

describe('errors in words', () => {
	const api = (status: number, retryAfter: number | null = null) =>
		new ApiError({ status, title: 't', detail: 'd', type: 'about:blank' } as never, retryAfter);
	it('429 is the busy server', () => expect(failureOf(api(429, 30))).toEqual({ kind: 'busy', retryAfter: 30 }));
	it('404 is the missing file', () => expect(failureOf(api(404))).toEqual({ kind: 'missing' }));
	it('a lost connection is the network', () => expect(failureOf(new NetworkError(new TypeError('x')))).toEqual({ kind: 'network' }));
	it('a decode or unsupported-source error offers transcoding', () => {
		expect(mediaFailure(3).kind).toBe('unplayable');
		expect(mediaFailure(4).kind).toBe('unplayable');
		expect(mediaFailure(2).kind).toBe('network');
	});
	it('backs off 1, 2, 4 … 30 s', () => expect([0, 1, 2, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 30000]));
});

describe('capabilities', () => {
	const chromium: Probe = {
		mse: (t) => /avc1|mp4a|opus|vp09|vp8/.test(t),
		canPlay: (t) => (/hvc1|ac-3|ec-3|mpegurl/.test(t) ? '' : 'maybe')
	};
	it('a browser without HEVC or AC-3 does not claim them', () => {
		const p = clientProfile(chromium);
		expect(p.video_codecs).toContain('h264');
		expect(p.video_codecs).not.toContain('hevc');
		expect(p.audio_codecs).toContain('aac');
		expect(p.audio_codecs).not.toContain('ac3');
		expect(p.h264_profiles).toContain('high');
		expect(useNativeHls(chromium)).toBe(false);
		expect(useNativeHls({ ...chromium, canPlay: () => 'maybe' })).toBe(false); // MSE wins: hls.js
		expect(useNativeHls({ mse: null, canPlay: () => 'maybe' })).toBe(true); // iPhone Safari
	});
	it('passes the preferred language and bitrate cap on', () => {
		expect(clientProfile(chromium, 'de', 4_000_000)).toMatchObject({ preferred_language: 'de', max_bitrate: 4_000_000 });
	});
});

describe('subtitles at start', () => {
	const sub = (index: number, language: string, forced = false): SubtitleLink =>
		({ index, language, forced, format: 'subrip', kind: 'text', url: `/s/${index}.vtt`, default: false, external: false }) as SubtitleLink;
	const subs = [sub(2, 'en'), sub(3, 'en', true), sub(4, 'fr')];
	it('auto: a forced track when the audio is in another language', () => expect(initialSubtitle(subs, 'fr', 'auto', 'en')).toBe(3));
	it('auto: nothing when the audio is mine', () => expect(initialSubtitle(subs, 'en', 'auto', 'en')).toBeNull());
	it('always: my language, not the forced one', () => expect(initialSubtitle(subs, 'en', 'always', 'fr')).toBe(4));
	it('off: none', () => expect(initialSubtitle(subs, 'fr', 'off', 'en')).toBeNull());
});

describe('touch', () => {
	it('double tap on a side seeks that way', () => {
		expect(sideOf(10, 300)).toBe('left');
		expect(sideOf(150, 300)).toBe('middle');
		expect(sideOf(290, 300)).toBe('right');
	});
});

describe('HLS start level', () => {
	it("starts on the server's original (copied) rendition wherever hls.js sorted it", () => {
		expect(startLevelOf([{ name: '480p' }, { name: '720p' }, { name: 'original' }])).toBe(2);
	});

	it('leaves the choice to hls.js for a transcode-only ladder', () => {
		expect(startLevelOf([{ name: '480p' }, { name: '720p' }])).toBe(-1);
	});
});
