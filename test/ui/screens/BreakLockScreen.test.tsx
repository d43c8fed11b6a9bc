import {describe, expect, it} from 'vitest';
import {BreakLockScreen} from '../../../source/ui/screens/BreakLockScreen.js';
import {breakLockConfirmation} from '../../../source/wizard/break-lock.js';
import {mountScreen} from '../../helpers/screen-harness.js';

const screen = breakLockConfirmation({
	holder: {
		machine: 'DESK-B',
		user: 'colleague',
		pid: 4242,
		since: '2026-12-06T10:15:00.000Z',
		refreshed: '2026-12-06T10:20:00.000Z',
		runId: 'NTPDC-20261206-101500',
		journal: 'C:\\j.jsonl',
		what: 'a restore run',
	},
	gone: 'no refresh for 12 minutes by this machine’s clock',
	event: 'server-locked',
	lockFolder: '/x/SYNCAGNT.dsmn-resync-lock',
	journal: '/state/journal.jsonl',
	message: 'another dsmn-resync holds this server’s writer lock',
	advice: 'start again with --break-lock',
});

describe('the break-lock confirmation', () => {
	it('shows who holds the server, since when, why it is believed gone, and the machine name to type', () => {
		const {frame, ui} = mountScreen({...screen, typed: 'DESK', error: '"DESK" is not DESK-B'}, now => <BreakLockScreen screen={now} />);
		const text = frame().replace(/\s+/g, ' ');
		expect(text).toContain('⚠ Another dsmn-resync holds this server');
		expect(text).toContain('Held by run NTPDC-20261206-101500 (a restore run) of colleague on DESK-B, process 4242, since 2026-12-06 10:15:00 UTC');
		expect(text).toContain('Why dsmn-resync believes it is gone: no refresh for 12 minutes');
		expect(text).toContain('To break the lock, type DESK-B (the holder’s machine) and press Enter');
		expect(text).toContain('> DESK');
		expect(text).toContain('"DESK" is not DESK-B');
		ui.unmount();
	});
});
