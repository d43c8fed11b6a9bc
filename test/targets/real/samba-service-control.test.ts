/**
 * The service timeout bounds Samba's net itself: a server that accepts the connection and never
 * answers (net would wait for its own, longer timeout) is a failure with a reason within the bound.
 */
import {writeFile, chmod} from 'node:fs/promises';
import {createServer, type Socket} from 'node:net';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {SambaServiceControl} from '../../../source/targets/real/samba-service-control.js';
import {tempDir} from '../../helpers/run-cli.js';
import {sambaReason} from '../../helpers/samba-server.js';

const {skip} = sambaReason();
const closers: (() => void)[] = [];
afterEach(() => {
	for (const close of closers.splice(0)) close();
});

describe.skipIf(skip)('net rpc service, bounded by DSMN_RESYNC_SERVICE_TIMEOUT', () => {
	it('gives up on a server that never answers within the bound, and says what to do', async () => {
		const sockets: Socket[] = [];
		const silent = createServer(socket => sockets.push(socket));
		await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
		closers.push(() => {
			for (const socket of sockets) socket.destroy();
			silent.close();
		});
		const port = (silent.address() as {port: number}).port;
		const auth = join(await tempDir(), 'auth');
		await writeFile(auth, 'username = Administrator\npassword = x\ndomain = CORP\n');
		await chmod(auth, 0o600);
		const control = new SambaServiceControl(
			{file: 'net', prefix: [], display: 'net'},
			{host: '127.0.0.1', authFile: auth, port, account: {typed: false, file: auth}},
			'MSSYNC',
			1500,
		);
		const began = Date.now();
		const result = await control.query();
		const took = Date.now() - began;
		expect(result).toMatchObject({ok: false, error: {code: 1053, meaning: 'net did not finish within 2 s: 127.0.0.1 did not answer in time'}});
		expect(result.ok === false && result.error.advice).toContain('DSMN_RESYNC_SERVICE_TIMEOUT');
		expect(took).toBeLessThan(5000);
	});
});
