/** Where a play starts: `?t=` wins; else a saved position asks "Resume / Start over". */
export type Start = { kind: 'at'; seconds: number } | { kind: 'ask'; resumeAt: number };

export function startFrom(tParam: string | null, resumeSeconds: number | null | undefined): Start {
	if (tParam !== null && tParam.trim() !== '') {
		const t = Number(tParam);
		if (Number.isFinite(t) && t >= 0) return { kind: 'at', seconds: t };
	}
	if (resumeSeconds && resumeSeconds > 0) return { kind: 'ask', resumeAt: resumeSeconds };
	return { kind: 'at', seconds: 0 };
}

/** 3723 → "1:02:03", 62 → "1:02". */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
