import {describe, expect, it} from 'vitest';
import {asLaunched, launcherOf, NPM_START_ENV, shellWord, startAgainCommand} from '../../source/wizard/start-again.js';

describe('the command that starts the wizard again on the same target', () => {
	it('is the one the admin started with: npm start, the bin on the PATH, or node with the script', () => {
		expect(launcherOf('/repo/dist/cli.js', {[NPM_START_ENV]: 'npm start'})).toBe('npm start --');
		expect(launcherOf('/usr/local/bin/dsmn-resync', {})).toBe('dsmn-resync');
		expect(launcherOf('/home/a b/dsmn/dist/cli.js', {})).toBe('node "/home/a b/dsmn/dist/cli.js"');
		expect(launcherOf('C:\\Users\\a\\AppData\\Roaming\\npm\\node_modules\\dsmn-resync\\dist\\cli.js', {})).toBe('dsmn-resync');
		// Only the exact value start-lab.js sets counts.
		expect(launcherOf('/usr/local/bin/dsmn-resync', {[NPM_START_ENV]: 'rm -rf /'})).toBe('dsmn-resync');
	});

	it('names the same target: the lab folder (npm start reuses it), this machine, or the remote server', () => {
		expect(startAgainCommand('npm start --', {kind: 'lab', lab: '/tmp/dsmn-resync-lab-x/lab'})).toBe('npm start -- --lab /tmp/dsmn-resync-lab-x/lab');
		expect(startAgainCommand('dsmn-resync', {kind: 'lab', lab: '/tmp/my lab'})).toBe('dsmn-resync --lab "/tmp/my lab"');
		expect(startAgainCommand('dsmn-resync', {kind: 'windows', syncagnt: 'C:\\WINNT\\SYSTEM32\\SYNCAGNT'})).toBe(
			'dsmn-resync --target windows --syncagnt C:\\WINNT\\SYSTEM32\\SYNCAGNT',
		);
		expect(startAgainCommand('dsmn-resync', {kind: 'remote', host: 'NTPDC1', credentialsFile: '/home/a/.ntpdc1', credentialsTyped: false})).toBe(
			'dsmn-resync --target remote --host NTPDC1 --credentials-file /home/a/.ntpdc1',
		);
		// The wizard's own temporary account file is gone when it ends: the account is asked again.
		expect(startAgainCommand('dsmn-resync', {kind: 'remote', host: 'NTPDC1', credentialsFile: '/tmp/x', credentialsTyped: true})).toBe(
			'dsmn-resync --target remote --host NTPDC1',
		);
	});

	it('a command printed in a line works from where the admin is; the program named as such is kept', () => {
		const line =
			'In the practice lab: dsmn-resync lab dsmdump /tmp/lab (MSSYNC stopped); another dsmn-resync holds it; see dsmn-resync check B, or dsmn-resync --lab L --resume.';
		expect(asLaunched(line, 'npm start --')).toBe(
			'In the practice lab: npm start -- lab dsmdump /tmp/lab (MSSYNC stopped); another dsmn-resync holds it; see npm start -- check B, or npm start -- --lab L --resume.',
		);
		expect(asLaunched(line, 'dsmn-resync')).toBe(line);
	});

	it('quotes a word with a space or a quote', () => {
		expect(shellWord('plain/path-1.x')).toBe('plain/path-1.x');
		expect(shellWord("it's")).toBe('"it\'s"');
		expect(shellWord('C:\\Program Files\\x')).toBe('"C:\\Program Files\\x"');
		expect(shellWord('a "b"')).toBe(`'a "b"'`);
	});
});
