/** RFC 6238 codes from a base32 secret (SHA-1, 30 s, 6 digits), like an authenticator app. */
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(secret: string): Buffer {
	let bits = '';
	for (const char of secret.replace(/[\s=]/g, '').toUpperCase()) {
		const value = ALPHABET.indexOf(char);
		if (value < 0) throw new Error(`not base32: ${char}`);
		bits += value.toString(2).padStart(5, '0');
	}
	const bytes = bits.match(/.{8}/g) ?? [];
	return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** The code for the time step `offset` steps from now (0: now, 1: the next one). */
export function totp(secret: string, offset = 0, now = Date.now()): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000) + offset));
	const digest = createHmac('sha1', base32(secret)).update(counter).digest();
	const at = digest[digest.length - 1]! & 0x0f;
	const value = (digest.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
	return value.toString().padStart(6, '0');
}
