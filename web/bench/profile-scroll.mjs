// The browse bench's scroll to card 5,000 (web/bench/browse.mjs, the same loop) under a
// Chromium trace, to see what its long tasks are:
//   node web/bench/profile-scroll.mjs URL USERNAME PASSWORD [TRACE.json]
// against a server seeded like bench/bench_web_browse.py's. Prints the long tasks the
// page observed, each thread's CPU over the scroll, and for every main-thread task over
// 50 ms its wall time beside its thread CPU time (a task that mostly waited for a core
// shows a small CPU time) and what ran in it. TRACE.json opens in chrome://tracing or
// Perfetto. The trace's own CPU profiler start shows as one long task of ~70 ms CPU.
import { launchChromium, scrollToCard, signedInState } from './chromium.mjs';
import fs from 'node:fs';

const [url, username, password, out = 'scroll-trace.json'] = process.argv.slice(2);
const TARGET_CARD = 5000;
const browser = await launchChromium();
const VIEWPORT = { width: 1280, height: 800 };
const storageState = await signedInState(browser, { url, username, password, viewport: VIEWPORT });
const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT, storageState });
const page = await context.newPage();
const { seconds, longTasks } = await scrollToCard(page, TARGET_CARD, () =>
	browser.startTracing(page, {
		path: out,
		categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc', 'blink.user_timing', 'toplevel', 'loading']
	})
);
await browser.stopTracing();
const observed = longTasks.map(Math.round);
await browser.close();
console.log(`scrolled to card ${TARGET_CARD} in ${seconds.toFixed(1)} s; long tasks observed: ${JSON.stringify(observed)}`);

const parsed = JSON.parse(fs.readFileSync(out, 'utf8'));
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
const threadNames = new Map();
const processNames = new Map();
const counts = new Map();
for (const e of events) {
	if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}/${e.tid}`, e.args.name);
	if (e.ph === 'M' && e.name === 'process_name') processNames.set(e.pid, e.args.name);
	if (e.ph === 'X') counts.set(`${e.pid}/${e.tid}`, (counts.get(`${e.pid}/${e.tid}`) ?? 0) + 1);
}
const byThread = new Map();
for (const e of events) {
	if (e.ph !== 'X') continue;
	const key = `${e.pid}/${e.tid}`;
	if (!byThread.has(key)) byThread.set(key, []);
	byThread.get(key).push(e);
}
/** The outermost events of a thread (its tasks), in time order. */
function outermost(list) {
	const sorted = [...list].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	const tops = [];
	let end = -1;
	for (const e of sorted) {
		if (e.ts >= end) {
			tops.push(e);
			end = e.ts + (e.dur ?? 0);
		}
	}
	return tops;
}
console.log('\nCPU by thread over the trace (s):');
const rows = [...byThread].map(([key, list]) => {
	const tops = outermost(list);
	return { key, cpu: tops.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1e6, wall: tops.reduce((s, e) => s + (e.dur ?? 0), 0) / 1e6 };
});
for (const r of rows.sort((a, b) => b.cpu - a.cpu).slice(0, 8)) {
	console.log(`  ${r.cpu.toFixed(2)} cpu ${r.wall.toFixed(2)} wall  ${processNames.get(Number(r.key.split('/')[0]))} / ${threadNames.get(r.key)}`);
}
const mains = [...threadNames].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key);
const main = mains.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
const mainEvents = [...(byThread.get(main) ?? [])].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
const long = outermost(mainEvents).filter((e) => (e.dur ?? 0) > 50_000);
console.log(`\nmain-thread tasks over 50 ms in the trace: ${long.length}`);
const WATCH = new Set(['FireAnimationFrame', 'RunMicrotasks', 'FunctionCall', 'EventDispatch', 'TimerFire', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'Decode Image', 'CpuProfiler::StartProfiling']);
for (const task of long) {
	const inside = mainEvents.filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur && WATCH.has(e.name) && (e.dur ?? 0) > 1000);
	const parts = inside.map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)}/${((e.tdur ?? 0) / 1000).toFixed(1)}`);
	console.log(`  ${(task.dur / 1000).toFixed(1)} ms wall, ${((task.tdur ?? 0) / 1000).toFixed(1)} ms CPU: ${parts.join(', ')}`);
}
