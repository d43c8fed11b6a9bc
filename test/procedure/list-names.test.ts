/** Names in a sentence: listed, and a sentence about one server kept grammatical for several (issue 29). */
import {describe, expect, it} from 'vitest';
import {aboutServers, listNames} from '../../source/procedure/list-names.js';

describe('listNames', () => {
	it('lists up to twelve, then counts the rest', () => {
		expect(listNames(['FS1', 'FS2'])).toBe('FS1, FS2');
		const many = Array.from({length: 14}, (_, i) => `FS${i + 1}`);
		expect(listNames(many)).toBe(`${many.slice(0, 12).join(', ')}, … (2 more)`);
	});
});

// The second walker read "FS2, FS4, FS5: its record…" (a sentence about one server, put after three names).
describe('aboutServers', () => {
	const damaged = 'its record in MSSYNC.MDB is damaged (Jet error -1018)';
	it('one server: its name, then the sentence', () => {
		expect(aboutServers(['FS2'], damaged)).toBe('FS2: its record in MSSYNC.MDB is damaged (Jet error -1018)');
	});
	it('several: "Each of" them, so that "its" is about each one', () => {
		expect(aboutServers(['FS2', 'FS4', 'FS5'], damaged)).toBe('Each of FS2, FS4, FS5: its record in MSSYNC.MDB is damaged (Jet error -1018)');
	});
});
