/** The narrow walks' oracle itself (narrow-frames.ts): which words of a narrow frame it takes for pieces of a split word. */
import {describe, expect, it} from 'vitest';
import {splitWords, wordsOf} from './narrow-frames.js';

describe('splitWords', () => {
	it('lets "Each" pass only before a list of servers, which the wide frame draws in a column', () => {
		const wide = new Set(wordsOf('Servers of the domain:\nFS2\nFS4\nits record is damaged\nevery server is checked.'));
		expect(splitWords('Each of FS2, FS4: its record is damaged', wide)).toEqual([]);
		expect(splitWords('Each of FS2: its record is damaged', wide)).toEqual([]);
		// Anywhere else "Each" is a word like any other: one the wide frame does not have is a piece of a split word.
		expect(splitWords('Each server is checked.', wide)).toEqual(['Each']);
		expect(splitWords('Each of the servers is checked.', wide)).toEqual(['Each', 'servers']);
	});
});
