/** What the reconstruct steps tell a DSMN administrator, checked against the KB articles they cite. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {ReconstructRun, reconstructSteps} from '../../source/procedure/reconstruct-run.js';
import {RESTORE_STEPS} from '../../source/procedure/restore-steps.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

const steps = reconstructSteps(['FS1'], ['FS1']);
const why = (id: string) => steps.find(s => s.id === id)!.why;

describe("the reconstruct steps' explanations (the ? key)", () => {
	it("deleting WINNT_SYNC_AGENT: Q149906's other fix, releasing the server in a DSMN that still works", () => {
		expect(why('delete-agent:FS1')).toMatch(/KB Q149906's other fix.*release the server in that DSMN instead of deleting the account/);
	});

	it('restoring the bindery: a backup from before the server joined the domain (Q154761), BINDREST for NetWare 3.x only', () => {
		expect(why('restore-bindery:FS1')).toMatch(/from before the server joined the domain \(KB Q154761\)/);
		expect(why('restore-bindery:FS1')).toMatch(
			/BINDREST is for NetWare 3\.x: NetWare 2\.x keeps its bindery in NET\$BIND\.SYS and NET\$BVAL\.SYS, and on NetWare 4\.x \(NDS\) BINDREST does not apply/,
		);
	});

	it("adding the server back: GSNW and NWLink on the PDC, the server seen by SAP, the dialog's own password options", () => {
		expect(why('add-server:FS1')).toMatch(/Gateway Service for NetWare and NWLink on the PDC, and FS1 up and seen on the network \(SAP\)/);
		expect(why('add-server:FS1')).toMatch(/The dialog itself offers how the propagated accounts get their passwords \(KB Q183684, Q153617\)/);
	});

	it('passwords: CHGPASS or MSLOGIN afterwards, not SETPASS; synchronizing: only NetWare-enabled accounts of the chosen groups, then DSMCHK', () => {
		expect(why('set-passwords')).toMatch(/CHGPASS or MSLOGIN, not SETPASS \(KB Q183684\)/);
		expect(why('synchronize')).toMatch(/NetWare-enabled accounts .* of the groups chosen for that server/);
		expect(why('synchronize')).toMatch(/DSMCHK .*\(KB Q154760\)/);
		expect(steps.map(s => s.why).join(' ')).not.toMatch(/every (domain )?account/i);
	});

	it("the restore's move-aside step cites Q188357's dsmpack", () => {
		expect(RESTORE_STEPS.find(s => s.id === 'move-aside')!.kb).toMatch(/Q188357.*dsmpack before removing the old logs/);
	});

	it('the confirmations say what can be undone, and that synchronizing is not every account to every server', async () => {
		const dir = join(await tempDir(), 'lab');
		await createLab(dir, {...LAB_DEFAULTS, pace: 0, backup: false});
		const run = await ReconstructRun.begin(labTarget(dir), {
			servers: ['FS1'],
			restoreBindery: [],
			passwordPolicy: 'random',
			passwordsFile: join(dir, '..', 'pw.txt'),
		});
		expect(await run.describeChanges('delete-agent:FS1')).toContainEqual(
			'The tool cannot undo this: only adding the server back gives it a WINNT_SYNC_AGENT again.',
		);
		const sync = (await run.describeChanges('synchronize')).join(' ');
		expect(sync).toMatch(/the NetWare-enabled accounts of the groups chosen for that server \(KB Q183684\)/);
		expect(sync).not.toMatch(/every domain account/);
		await run.end('abandoned');
	});
});
