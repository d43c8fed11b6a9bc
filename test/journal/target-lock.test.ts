import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {join} from 'node:path';
import {build} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {TargetBusyError, TargetLock} from '../../source/journal/target-lock.js';
import {tempDir} from '../helpers/run-cli.js';

/** A second process that takes the lock, says so on stdout, and waits to be killed. */
async function holderScript(dir: string): Promise<string> {
	const entry = join(dir, 'holder.ts');
	const {writeFile} = await import('node:fs/promises');
	await writeFile(
		entry,
		`import {TargetLock} from ${JSON.stringify(join(process.cwd(), 'source/journal/target-lock.ts'))};
const lock = await TargetLock.acquire(process.argv[2], process.argv[3], 'the lab', 'a restore, copying the backup');
process.stdout.write('held\\n');
setInterval(() => {}, 1000);
void lock;
`,
	);
	const out = join(dir, 'holder.mjs');
	await build({entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent'});
	return out;
}

describe('one run per target', () => {
	it('a second process is refused, told who holds the target, and the lock is free again once the holder is killed', async () => {
		const dir = await tempDir();
		const key = `lab:${dir}`;
		const child = spawn(process.execPath, [await holderScript(dir), key, dir], {stdio: ['ignore', 'pipe', 'inherit']});
		try {
			await once(child.stdout, 'data');
			const refused = (await TargetLock.acquire(key, dir, 'the lab', 'a check').catch((e: unknown) => e)) as Error;
			expect(refused).toBeInstanceOf(TargetBusyError);
			expect((refused as TargetBusyError).holder).toMatchObject({pid: child.pid, what: 'a restore, copying the backup'});
			expect(refused.message).toMatch(
				new RegExp(`another dsmn-resync \\(process ${child.pid}, since .* UTC\\) is working on the lab: a restore, copying the backup`),
			);
			// Another target is not held.
			const other = await TargetLock.acquire(`${key}-other`, dir, 'another lab', 'a check');
			await other.release();
		} finally {
			child.kill('SIGKILL');
			await once(child, 'exit').catch(() => undefined);
		}
		// SIGKILL released it: no stale lock.
		const mine = await TargetLock.acquire(key, dir, 'the lab', 'a check');
		await expect(TargetLock.acquire(key, dir, 'the lab', 'a check')).rejects.toBeInstanceOf(TargetBusyError);
		await mine.release();
		const again = await TargetLock.acquire(key, dir, 'the lab', 'a check');
		await again.release();
	});
});
