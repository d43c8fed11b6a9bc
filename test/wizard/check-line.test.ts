import {describe, expect, it} from 'vitest';
import {checkLine} from '../../source/wizard/check-line.js';

describe('a line of the checks at the end', () => {
	it('a sentence is prose; a command is continued as the shell it is typed into continues a line', () => {
		expect(checkLine('DSMCHK compares a user’s passwords (KB Q154760):', 'same')).toEqual({text: 'same'});
		// At the PDC's prompt: cmd.exe's caret.
		expect(checkLine('dsmchk -d CORP -u USERNAME -n FS1', 'dsmchk -d CORP -u USERNAME -n FS1')).toEqual({
			text: 'dsmchk -d CORP -u USERNAME -n FS1',
			command: {continuation: '^'},
		});
		// The practice lab's own, typed here (as launched): this shell's.
		const here = process.platform === 'win32' ? '^' : '\\';
		expect(checkLine('dsmn-resync lab status /tmp/L', 'npm start -- lab status /tmp/L')).toEqual({
			text: 'npm start -- lab status /tmp/L',
			command: {continuation: here},
		});
		expect(checkLine('dsmn-resync lab status /tmp/L', 'dsmn-resync lab status /tmp/L').command).toEqual({continuation: here});
	});
});
