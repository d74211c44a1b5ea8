import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';

const SRC = join(__dirname, '..', '..');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

function has(messages: unknown, key: string): boolean {
	let node = messages;
	for (const part of key.split('.')) {
		if (typeof node !== 'object' || node === null || !(part in node)) return false;
		node = (node as Record<string, unknown>)[part];
	}
	return typeof node === 'string';
}

describe('messages', () => {
	it('every literal key the app uses exists in English', () => {
		const used = new Set<string>();
		for (const file of files(SRC)) {
			for (const match of readFileSync(file, 'utf8').matchAll(/\$_\(\s*'([a-zA-Z0-9_]+\.[a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
		}
		expect(used.size).toBeGreaterThan(50);
		expect([...used].filter((key) => !has(en, key))).toEqual([]);
	});

	it('every other language has exactly the English keys', () => {
		const keys = (node: unknown, prefix = ''): string[] =>
			Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
				typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)
			);
		const dir = join(__dirname, 'messages');
		for (const name of readdirSync(dir).filter((n) => n !== 'en.json')) {
			const other = JSON.parse(readFileSync(join(dir, name), 'utf8'));
			expect(keys(other).sort(), name).toEqual(keys(en).sort());
		}
	});
});
