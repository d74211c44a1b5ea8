/** When the player reports its position: every 10 s while playing, at once on pause and
 * on seek (at most once a second), and a last time when the page is hidden or closed.
 * Pure: the clock and the sender are given, so the schedule is tested without a browser. */
export const REPORT_EVERY_MS = 10_000;
const MIN_GAP_MS = 1_000;

export type Send = (position: number, final: boolean) => void;

export class ProgressSchedule {
	private lastSent = -Infinity;
	private lastPosition: number | null = null;

	constructor(
		private readonly send: Send,
		private readonly now: () => number = () => Date.now()
	) {}

	/** On `timeupdate` while playing. */
	tick(position: number): void {
		if (this.now() - this.lastSent >= REPORT_EVERY_MS) this.report(position, false);
	}

	/** On pause and on `seeked`. */
	event(position: number): void {
		if (this.now() - this.lastSent >= MIN_GAP_MS || position !== this.lastPosition) this.report(position, false);
	}

	/** On `visibilitychange` to hidden / `pagehide` / leaving: always sent, with keepalive. */
	final(position: number): void {
		this.report(position, true);
	}

	private report(position: number, final: boolean): void {
		if (!Number.isFinite(position) || position < 0) return;
		this.lastSent = this.now();
		this.lastPosition = position;
		this.send(position, final);
	}
}
