/** A library of real clips made once by ffmpeg (`testsrc` + `sine`, 320x180, fastest
 * presets) and cached across runs in the system temp folder, like tests/fixtures/media.py
 * does for the Python suite. Each is 64 s with a subtitle cue every 2 s ("srt 7", "ass 7")
 * so a test finds a cue wherever it is in the film.
 *
 *   direct    Direct Clip (2001).mp4        H.264 Main / AAC, faststart → direct play
 *   remux     Remux Clip (2002).mkv         H.264 / AC-3 → HLS remux (audio transcoded)
 *   transcode Transcode Clip (2003).mkv     HEVC / AC-3 + embedded ASS, sidecar .en.srt → transcode
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLIP_SECONDS = 64;
const VERSION = 'v1';

export const CLIPS = {
	direct: { title: 'Direct Clip', folder: 'Direct Clip (2001)', file: 'Direct Clip (2001).mp4' },
	remux: { title: 'Remux Clip', folder: 'Remux Clip (2002)', file: 'Remux Clip (2002).mkv' },
	transcode: { title: 'Transcode Clip', folder: 'Transcode Clip (2003)', file: 'Transcode Clip (2003).mkv' }
} as const;
export type ClipName = keyof typeof CLIPS;

const stamp = (s: number) => {
	const ms = Math.round(s * 1000);
	const hh = String(Math.floor(ms / 3_600_000)).padStart(2, '0');
	const mm = String(Math.floor(ms / 60_000) % 60).padStart(2, '0');
	const ss = String(Math.floor(ms / 1000) % 60).padStart(2, '0');
	return { hh, mm, ss, ms: String(ms % 1000).padStart(3, '0') };
};

export function srtText(): string {
	const cues: string[] = [];
	for (let i = 0; i < CLIP_SECONDS / 2; i++) {
		const a = stamp(i * 2);
		const b = stamp(i * 2 + 1.9);
		cues.push(`${i + 1}\n${a.hh}:${a.mm}:${a.ss},${a.ms} --> ${b.hh}:${b.mm}:${b.ss},${b.ms}\nsrt ${i}\n`);
	}
	return cues.join('\n');
}

export function assText(): string {
	const t = (s: number) => {
		const x = stamp(s);
		return `${Number(x.hh)}:${x.mm}:${x.ss}.${x.ms.slice(0, 2)}`;
	};
	const lines = [
		'[Script Info]',
		'ScriptType: v4.00+',
		'PlayResX: 320',
		'PlayResY: 180',
		'',
		'[V4+ Styles]',
		'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
		'Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1',
		'',
		'[Events]',
		'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text'
	];
	for (let i = 0; i < CLIP_SECONDS / 2; i++) lines.push(`Dialogue: 0,${t(i * 2)},${t(i * 2 + 1.9)},Default,,0,0,0,,ass ${i}`);
	return lines.join('\n') + '\n';
}

function ffmpeg(args: string[]): void {
	execFileSync(process.env.REVENGE_FFMPEG_PATH ?? 'ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { timeout: 180_000 });
}

const SOURCES = (d: number) => ['-f', 'lavfi', '-i', `testsrc=size=320x180:rate=24:duration=${d}`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${d}`];

/** Makes the clips once (about 10 s of CPU) into a cache folder and returns it. */
export function clipCache(): string {
	const dir = join(tmpdir(), `revenge-e2e-clips-${VERSION}`);
	if (existsSync(join(dir, 'done'))) return dir;
	const work = mkdtempSync(join(tmpdir(), 'revenge-e2e-clips-tmp-'));
	const d = String(CLIP_SECONDS);
	const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '48', '-profile:v', 'main', '-pix_fmt', 'yuv420p'];
	for (const c of Object.values(CLIPS)) mkdirSync(join(work, c.folder));
	ffmpeg([...SOURCES(CLIP_SECONDS), '-map', '0:0', '-map', '1:0', ...h264, '-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart', '-t', d, join(work, CLIPS.direct.folder, CLIPS.direct.file)]);
	ffmpeg([...SOURCES(CLIP_SECONDS), '-map', '0:0', '-map', '1:0', ...h264, '-c:a', 'ac3', '-b:a', '96k', '-t', d, join(work, CLIPS.remux.folder, CLIPS.remux.file)]);
	const ass = join(work, 'embedded.ass');
	writeFileSync(ass, assText());
	ffmpeg([
		...SOURCES(CLIP_SECONDS), '-i', ass,
		'-map', '0:0', '-map', '1:0', '-map', '2:0',
		'-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'keyint=48:min-keyint=48:log-level=error', '-pix_fmt', 'yuv420p',
		'-c:a', 'ac3', '-b:a', '96k', '-c:s', 'ass', '-metadata:s:s:0', 'language=fre', '-metadata:s:s:0', 'title=ASS',
		'-t', d, join(work, CLIPS.transcode.folder, CLIPS.transcode.file)
	]);
	writeFileSync(join(work, CLIPS.transcode.folder, 'Transcode Clip (2003).en.srt'), srtText());
	writeFileSync(join(work, 'done'), VERSION);
	try {
		renameSync(work, dir);
	} catch {
		cpSync(work, dir, { recursive: true }); // another worker got there first, or another device
	}
	return dir;
}

/** A fresh copy of the clips for one server's library (so a test may delete a file). */
export function libraryFolder(into: string): string {
	const target = join(into, 'movies');
	cpSync(clipCache(), target, { recursive: true });
	return target;
}
