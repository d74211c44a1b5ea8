import { describe, expect, it } from 'vitest';
import { clock, fileSize, runtimeParts } from './time';

describe('times and sizes on the movie page', () => {
	it('writes a resume position as h:mm:ss, or m:ss under an hour', () => {
		expect(clock(3725.9)).toBe('1:02:05');
		expect(clock(65)).toBe('1:05');
		expect(clock(-3)).toBe('0:00');
	});
	it('splits a runtime into hours and minutes', () => {
		expect(runtimeParts(136)).toEqual({ hours: 2, minutes: 16 });
	});
	it('writes file sizes in decimal units', () => {
		expect(fileSize(1_400_000_000, 'en')).toBe('1.4 GB');
		expect(fileSize(512, 'en')).toBe('512 byte');
	});
});
