// Makes build/index.html work under any path prefix chosen at run time
// (REVENGE_PUBLIC_URL=https://example.org/revenge), without rebuilding the app.
//
// Why: SvelteKit renders the single-page fallback (index.html) with absolute paths for
// the build's `paths.base` (""), and the base it hands to `$app/paths` is written into
// the inline bootstrap script. Everything else is already portable: with
// `paths.relative` (the default) the chunks import each other and their CSS relative to
// their own URL. So the bootstrap script is rewritten once, here, to take its base from
// `<meta name="revenge-base" content="">` (app.html) and import its two entry chunks
// under that base. The script stays the same whatever the prefix, so its CSP hash does
// too; the server (revenge/entrypoints/http/web_app.py) or nginx (deploy/web) only fills
// in the meta's content and prefixes the `href="/…"` of the <link> tags, in plain HTML.
//
// Run after `vite build` (npm run build does): node scripts/portable-index.mjs build
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export const BASE_META = 'revenge-base';

/** index.html with a bootstrap script that reads its base from the meta tag. Throws
 * when SvelteKit's output no longer has the expected shape (a new version changed it). */
export function portableIndex(html) {
	const global = /(__sveltekit_\w+) = \{\s*base: ""/.exec(html)?.[1];
	if (!global) throw new Error('index.html: no `__sveltekit_… = { base: "" }` bootstrap found');
	if (!html.includes(`<meta name="${BASE_META}" content="">`) && !html.includes(`<meta name="${BASE_META}" content="" />`))
		throw new Error(`index.html: no <meta name="${BASE_META}" content=""> (src/app.html)`);
	const out = html
		.replace(/(__sveltekit_\w+ = \{\s*base: )""/, `$1document.querySelector('meta[name="${BASE_META}"]')?.content ?? ""`)
		.replaceAll('import("/', `import(${global}.base + "/`);
	const script = /<script>([\s\S]*?)<\/script>/.exec(out)?.[1] ?? '';
	if (/["'`]\/_app\//.test(script.replaceAll(`${global}.base + "/_app/`, ''))) {
		throw new Error('index.html: the bootstrap still names an absolute /_app/ path');
	}
	return out;
}

function main(dir) {
	const file = join(dir, 'index.html');
	const html = portableIndex(readFileSync(file, 'utf8'));
	writeFileSync(file, html);
	// The precompressed twins (adapter-static's precompress) must match the new page.
	if (existsSync(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(html, { level: 9 }));
	if (existsSync(`${file}.br`))
		writeFileSync(`${file}.br`, brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv[2] ?? 'build');
