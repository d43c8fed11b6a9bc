import {describe, expect, it} from 'vitest';
import {formatAge, formatBytes, formatDuration} from '../../source/text/format.js';
import {ASCII_GLYPHS, chooseGlyphs, UNICODE_GLYPHS} from '../../source/text/glyphs.js';
import {bar, percent, rateAndEta} from '../../source/text/progress.js';
import {safeText} from '../../source/text/sanitize.js';

describe('text helpers', () => {
	it('draws bars and percentages', () => {
		expect(bar(5, 10, 10, UNICODE_GLYPHS)).toBe('█████░░░░░');
		expect(bar(0, 0, 4, ASCII_GLYPHS)).toBe('####');
		expect(percent(1, 3)).toBe(' 33%');
	});

	it('gives a rate and the time left, and says so when it cannot yet', () => {
		expect(rateAndEta(50 * 1024 * 1024, 100 * 1024 * 1024, 0, 5000, 'bytes')).toBe('10.0 MiB/s, 0:05 left');
		expect(rateAndEta(0, 100, 0, 5000, 'accounts')).toBe('estimating…');
		// Nothing on its way any more (only failed servers remain): the rate, no time left (fixl2).
		expect(rateAndEta(234, 234, 0, 10_000, 'accounts', false)).toBe('23 updates/s');
		expect(rateAndEta(0, 0, 0, 10_000, 'accounts', false)).toBe('');
	});

	it('formats sizes, ages and durations', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(1536)).toBe('1.5 KiB');
		expect(formatBytes(1024 ** 3)).toBe('1.0 GiB');
		expect(formatAge(3 * 86_400_000)).toBe('3 days');
		// Never "0 minutes ago".
		expect(formatAge(20_000)).toBe('less than a minute');
		expect(formatAge(60_000)).toBe('1 minute');
		expect(formatDuration(3_725_000)).toBe('1:02:05');
	});

	it('escapes every control character', () => {
		expect(safeText('a\u001b[31mb\nc\u0007\u009b')).toBe('a\\x1B[31mb\\nc\\x07\\x9B');
	});

	it('chooses ASCII marks for the Linux console, dumb terminals, non-UTF-8 locales and --ascii', () => {
		expect(chooseGlyphs({LANG: 'en_US.UTF-8'}, false, 'linux')).toBe(UNICODE_GLYPHS);
		expect(chooseGlyphs({LANG: 'en_US.UTF-8', TERM: 'linux'}, false, 'linux')).toBe(ASCII_GLYPHS);
		expect(chooseGlyphs({LANG: 'en_US.UTF-8', TERM: 'dumb'}, false, 'linux')).toBe(ASCII_GLYPHS);
		expect(chooseGlyphs({LANG: 'C'}, false, 'linux')).toBe(ASCII_GLYPHS);
		expect(chooseGlyphs({}, false, 'linux')).toBe(ASCII_GLYPHS);
		expect(chooseGlyphs({LC_ALL: 'de_DE.utf8'}, true, 'linux')).toBe(ASCII_GLYPHS);
	});
});
