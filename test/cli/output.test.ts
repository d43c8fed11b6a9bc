/**
 * What is printed before the program loads goes straight to the descriptor (source/cli/output.ts,
 * `directOutput`); the stream writes what the descriptor would not take now, and everything where Node
 * gives no `fs` without an import.
 *
 * process.getBuiltinModule is missing before Node 20.16, and `engines` says >=20: the tests set it on the process
 * object themselves, or remove it, whichever Node runs them, and put back what was there after each test.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {directOutput} from '../../source/cli/output.js';

const ownBuiltinModule = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');

afterEach(() => {
	vi.restoreAllMocks();
	if (ownBuiltinModule) Object.defineProperty(process, 'getBuiltinModule', ownBuiltinModule);
	else Reflect.deleteProperty(process, 'getBuiltinModule');
});

/** process.getBuiltinModule as this test gives it, or absent (undefined), as before Node 20.16. */
function builtinModule(get: ((id: string) => unknown) | undefined): void {
	if (get) Object.defineProperty(process, 'getBuiltinModule', {value: get, configurable: true, writable: true, enumerable: true});
	else Reflect.deleteProperty(process, 'getBuiltinModule');
}

/** process.getBuiltinModule giving an fs whose writeSync takes at most `each` bytes a call, and throws EAGAIN after `calls` calls. */
function fakeFs(each: number, calls: number) {
	const taken: {fd: number; bytes: Buffer; text: string}[] = [];
	const writeSync = (fd: number, bytes: Buffer, offset: number) => {
		if (taken.length === calls) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), {code: 'EAGAIN'});
		const part = bytes.subarray(offset, offset + each);
		taken.push({fd, bytes: Buffer.from(part), text: part.toString()});
		return part.length;
	};
	builtinModule(id => (id === 'node:fs' ? {writeSync} : undefined));
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

	it('writes through the stream where Node gives no fs without an import, and where it has no getBuiltinModule (before 20.16)', () => {
		for (const get of [() => undefined, undefined]) {
			builtinModule(get);
			expect(typeof process.getBuiltinModule).toBe(get ? 'function' : 'undefined');
			const written: string[] = [];
			const stream = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
				written.push(Buffer.from(chunk).toString());
				return true;
			});
			directOutput.out('usage\n');
			expect(written.join('')).toBe('usage\n');
			stream.mockRestore();
		}
	});

	it('puts back what the process had once a test is done', () => {
		expect(Object.getOwnPropertyDescriptor(process, 'getBuiltinModule')).toEqual(ownBuiltinModule);
	});
});
