/**
 * A whole CLI `--rollback` on a real Samba server (test/helpers/samba-server.ts) meeting a sharing violation
 * (issue 27): a restore run cut off mid-copy (SIGKILL just before its first "copied" line, model-inject.mjs),
 * a file of SYNCAGNT the roll back must move held open by a second smbclient (its `open` command: no delete
 * sharing), then `dsmn-resync … --rollback`. It stops before touching that file, exits non-zero, names the
 * file and the cause (another program has it open; the server's Open Files finds it), and changes nothing on
 * the server; a second `--rollback`, once the handle is closed, ends with exactly the original set.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hashFolder} from '../helpers/hash-folder.js';
import {CLI, userEnv} from '../helpers/run-cli.js';
import {sambaReason, startSambaServer, type SambaServer} from '../helpers/samba-server.js';
import {INJECT, run, treePrint} from './model-harness.js';

const {skip} = sambaReason();

let server: SambaServer | undefined;
let holder: ChildProcess | undefined;
afterEach(async () => {
	holder?.kill('SIGKILL');
	holder = undefined;
	await server?.stop();
	server = undefined;
});

function cli(s: SambaServer, args: string[], inject?: Record<string, unknown>) {
	const env = userEnv({...s.env, XDG_STATE_HOME: join(s.root, 'desk-a'), DSMN_RESYNC_SERVICE_TIMEOUT: '30'});
	return run(
		process.execPath,
		[...(inject ? ['--import', INJECT] : []), CLI, '--target', 'remote', '--host', s.name, '--credentials-file', s.auth.admin, ...args],
		inject ? {...env, MODEL_INJECT: JSON.stringify(inject)} : env,
	);
}

/** Another SMB client holding a file open, until killed; the server's own list of open files says when it holds it. */
async function holdOpen(s: SambaServer, inShare: string): Promise<ChildProcess> {
	const child = spawn('smbclient', [`//${s.name}/ADMIN$`, '-A', s.auth.admin, '--option=client min protocol=NT1', '-p', String(s.port)], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	child.stdin.write(`open "${inShare}"\n`);
	const began = Date.now();
	while (!spawnSync('smbstatus', ['-s', s.config, '-L'], {encoding: 'utf8'}).stdout.includes(inShare)) {
		if (Date.now() - began > 20_000) throw new Error(`smbclient did not open ${inShare}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	return child;
}

describe.skipIf(skip)('a roll back meeting a file held open on real Samba', {timeout: 300_000}, () => {
	it('stops before touching the held file, names it and the cause, changes nothing; once it is closed, a roll back ends with the originals', async () => {
		const s = (server = await startSambaServer());
		const system32 = join(s.systemRoot, 'SYSTEM32');
		const originals = await hashFolder(s.syncagnt);
		const backup = await hashFolder(s.backup);

		const first = await cli(s, ['--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', s.backup, '--yes'], {
			at: {type: 'copied'},
			kill: true,
		});
		expect(first.killed, first.output).toBe(true);
		// The file the cut-off copy put in place: the backup's bytes, where the original was.
		const now = await hashFolder(s.syncagnt);
		const restored = Object.keys(now).filter(name => now[name] === backup[name] && now[name] !== originals[name]);
		expect(restored, JSON.stringify(now)).toHaveLength(1);
		const held = restored[0]!;

		holder = await holdOpen(s, `SYSTEM32/SYNCAGNT/${held}`);
		const before = await treePrint(system32, rel => rel.includes('dsmn-resync-lock'));
		const refused = await cli(s, ['--rollback']);
		expect(refused.exitCode, refused.output).toBe(1);
		expect(refused.output).toContain(held);
		expect(refused.output).toMatch(/NT_STATUS_SHARING_VIOLATION/);
		expect(refused.output).toMatch(/another program has that file open on the server/);
		expect(refused.output).toContain('Computer Management ▸ Shared Folders ▸ Open Files');
		expect(refused.output).not.toMatch(/^(?:✓|\[ok\]) Rolled back/m);
		// Nothing changed on the server: every file of SYSTEM32 (SYNCAGNT, the snapshot) where and as it was.
		expect(await treePrint(system32, rel => rel.includes('dsmn-resync-lock'))).toBe(before);

		holder.kill('SIGKILL');
		holder = undefined;
		const rolledBack = await cli(s, ['--rollback']);
		expect(rolledBack.exitCode, rolledBack.output).toBe(0);
		expect(await hashFolder(s.syncagnt)).toEqual(originals);
	});
});
