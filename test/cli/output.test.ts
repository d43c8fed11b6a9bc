/**
 * What is printed before the program loads goes straight to the descriptor (source/cli/output.ts,
 * `directOutput`); the stream writes what the descriptor would not take now, and everything where Node
 * gives no `fs` without an import.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {directOutput} from '../../source/cli/output.js';

afterEach(() => vi.restoreAllMocks());

/** process.getBuiltinModule giving an fs whose writeSync takes at most `each` bytes a call, and throws EAGAIN after `calls` calls. */
function fakeFs(each: number, calls: number) {
	const taken: {fd: number; bytes: Buffer; text: string}[] = [];
	const writeSync = (fd: number, bytes: Buffer, offset: number) => {
		if (taken.length === calls) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), {code: 'EAGAIN'});
		const part = bytes.subarray(offset, offset + each);
		taken.push({fd, bytes: Buffer.from(part), text: part.toString()});
		return part.length;
	};
	vi.spyOn(process, 'getBuiltinModule').mockImplementation((id: string) => (id === 'node:fs' ? {writeSync} : undefined));
	return taken;
}

describe('directOutput', () => {
	it('writes the whole text to the descriptor, however little each write takes, and nothing to the stream', () => {
		const taken = fakeFs(3, 100);
		const stream = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		directOutput.err('dsmn-resync: ✗\n');
		expect(taken.every(t => t.fd === 2)).toBe(true);
		expect(Buffer.concat(taken.map(t => t.bytes)).toString()).toBe('dsmn-resync: ✗\n');
		expect(stream).not.toHaveBeenCalled();
	});

	it('hands the rest to the stream when the descriptor will not take it now, each byte written once', () => {
		const taken = fakeFs(4, 2);
		const written: Buffer[] = [];
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
			written.push(Buffer.from(chunk));
			return true;
		});
		directOutput.out('dsmn-resync 0.1.0\n');
		expect(taken.map(t => t.text).join('') + Buffer.concat(written).toString()).toBe('dsmn-resync 0.1.0\n');
		expect(taken.map(t => t.text)).toEqual(['dsmn', '-res']);
	});

	it('writes through the stream where Node gives no fs without an import', () => {
		vi.spyOn(process, 'getBuiltinModule').mockImplementation(() => undefined);
		const written: string[] = [];
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
			written.push(Buffer.from(chunk).toString());
			return true;
		});
		directOutput.out('usage\n');
		expect(written.join('')).toBe('usage\n');
	});
});
