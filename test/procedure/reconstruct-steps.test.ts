/** What the reconstruct steps tell a DSMN administrator, checked against the KB articles they cite. */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createLab} from '../../source/lab/create.js';
import {LAB_DEFAULTS} from '../../source/lab/options.js';
import {ReconstructRun, reconstructSteps} from '../../source/procedure/reconstruct-run.js';
import {RESTORE_STEPS} from '../../source/procedure/restore-steps.js';
import {manualNetWareInstructions} from '../../source/procedure/reconstruct-texts.js';
import {labTarget} from '../../source/targets/lab/lab-target.js';
import {tempDir} from '../helpers/run-cli.js';

const steps = reconstructSteps(['FS1'], ['FS1']);
const why = (id: string) => steps.find(s => s.id === id)!.why;

describe("the reconstruct steps' explanations (the ? key)", () => {
	it("deleting WINNT_SYNC_AGENT: Q149906's other fix, releasing the server in a DSMN that still works", () => {
		expect(why('delete-agent:FS1')).toMatch(/The other fix, .*: release the server in that DSMN instead of deleting the account \(KB Q149906\)/);
	});

	it('restoring the bindery: a backup from before the server joined the domain (Q154761), BINDREST for NetWare 3.x only', () => {
		expect(why('restore-bindery:FS1')).toMatch(/from before the server joined the domain \(KB Q154761\)/);
		expect(why('restore-bindery:FS1')).toMatch(
			/NetWare 3\.x keeps NET\$OBJ\.OLD, NET\$PROP\.OLD and NET\$VAL\.OLD; NetWare 2\.x keeps NET\$BIND\.OLD and NET\$BVAL\.OLD; BINDREST puts either back\. On NetWare 4\.x \(NDS\) BINDREST does not apply/,
		);
	});

	it('adding the server back: GSNW and NWLink on the PDC, the server seen by SAP, a Supervisor login (Q183684); no password options the articles never name', () => {
		expect(why('add-server:FS1')).toMatch(
			/Gateway Service for NetWare and NWLink on the PDC, FS1 up and seen on the network \(SAP\), and a Supervisor \(or equivalent\) login on FS1 \(KB Q183684, Q154706\)/,
		);
		expect(why('add-server:FS1')).not.toMatch(/offers how the propagated accounts get their passwords/);
	});

	it('adding the server back is a choice: migrate its accounts (Q154761, Q183684) or not (Q189441), each with its consequence', () => {
		expect(why('add-server:FS1')).toMatch(
			/which of the server's users and groups move into the domain, and which domain groups go back to it \(KB Q154761, Q183684\)/,
		);
		expect(why('add-server:FS1')).toMatch(/Migrating brings the server's accounts into the domain: a name the domain already has is merged into that account/);
		expect(why('add-server:FS1')).toMatch(/Adding it without migrating keeps the domain's accounts as they are .* as KB Q189441 does/);
	});

	it('deleting WINNT_SYNC_AGENT: Q149906 says the bindery may need restoring before the server can be added again', () => {
		expect(why('delete-agent:FS1')).toMatch(/you may need to restore the bindery before the server can be added again \(KB Q149906\)/);
	});

	it('passwords: CHGPASS (Q183684); never SETPASS (Q188356, Event 8020); SETPASS only where Q153617 prescribes it; no MSLOGIN', () => {
		const text = why('set-passwords');
		expect(text).toMatch(/change their passwords with CHGPASS, which comes with DSMN .* \(KB Q183684\)/);
		expect(text).toMatch(/Never with SETPASS on the NetWare server: .* Event 8020 \(KB Q188356\)/);
		expect(text).toMatch(/not removed properly from an old domain, and still names the old PDC, is SETPASS the way \(KB Q153617\)/);
		expect(text).not.toMatch(/MSLOGIN/);
	});

	it('synchronizing: only NetWare-enabled accounts of the chosen groups, then DSMCHK', () => {
		expect(why('synchronize')).toMatch(/NetWare-enabled accounts .* of the groups chosen for that server/);
		expect(why('synchronize')).toMatch(/DSMCHK .*\(KB Q154760\)/);
		expect(steps.map(s => s.why).join(' ')).not.toMatch(/every (domain )?account/i);
	});

	it('NetWare versions: 2.x names its bindery backup NET$BIND.OLD and NET$BVAL.OLD; a 4.x server needs Allow4X (Q145589)', () => {
		const mixed = reconstructSteps(['FS1', 'FS2'], ['FS1'], undefined, {FS1: '2.x', FS2: '4.x'});
		const w = (id: string) => mixed.find(s => s.id === id)!.why;
		expect(w('restore-bindery:FS1')).toMatch(/^NET\$BIND\.OLD, NET\$BVAL\.OLD replace FS1's bindery \(NetWare 2\.x\)/);
		expect(w('add-server:FS2')).toMatch(/Allow4X \(REG_DWORD, 1\) is set under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters .* restarted/);
		expect(w('add-server:FS2')).toMatch(
			/restarted \(KB Q145589\); without it the dialog says "<server> is a Netware 4\.X server\. It cannot be added to the Domain\."/,
		);
		expect(w('add-server:FS1')).not.toMatch(/Allow4X/);
	});

	it('on a real server: BINDREST by SUPERVISOR from SYS:SYSTEM at a workstation; a 4.x server gets neither SYSCON nor BINDREST', () => {
		const bindrest = manualNetWareInstructions('restore-bindery', 'FS1', {initialPassword: false}).join(' ');
		expect(bindrest).toMatch(/At a workstation, log in to FS1 as SUPERVISOR, .* run BINDREST from SYS:SYSTEM \(NetWare 3\.x\)/);
		expect(bindrest).not.toMatch(/console/);
		const fs4 = ['delete-agent', 'restore-bindery', 'add-server']
			.map(k => manualNetWareInstructions(k, 'FS4', {initialPassword: false, version: '4.x'}).join(' '))
			.join(' ');
		expect(fs4).not.toMatch(/SYSCON|run BINDREST/);
		expect(fs4).toMatch(/Skip this step: FS4 runs NetWare 4\.x/);
		expect(fs4).toMatch(/Allow4X/);
		const add = manualNetWareInstructions('add-server', 'FS1', {initialPassword: false}).join(' ');
		expect(add).toMatch(/you may need to restore the bindery before the server can be added \(KB Q149906\)/);
		expect(add).toMatch(/without migrating/);
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
