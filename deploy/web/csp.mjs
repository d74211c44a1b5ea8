// Writes the nginx header lines for index.html: the same Content-Security-Policy the Python
// server sends (revenge/entrypoints/http/web_app.py), with SvelteKit's inline bootstrap
// script allowed by its hash. Run in the image build: node csp.mjs build/index.html
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const html = readFileSync(process.argv[2], 'utf8');
const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
	.map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
	.join(' ');
const policy = [
	"default-src 'self'",
	`script-src 'self' ${hashes}`,
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data:",
	"media-src 'self' blob:",
	"worker-src 'self' blob:",
	"connect-src 'self'",
	"font-src 'self'",
	"manifest-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'"
].join('; ');
console.log(`add_header Content-Security-Policy "${policy}" always;`);
