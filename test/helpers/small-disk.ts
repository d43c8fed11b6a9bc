/**
 * A real small disk for the tests that need one to fill up: a tmpfs mounted in a temporary folder, which
 * needs root (CAP_SYS_ADMIN). Without it a test skips and says so; under CI it fails instead, as the
 * Samba tests do, so that a CI machine that cannot mount one is noticed.
 */
import {execFileSync} from 'node:child_process';
import {mkdir, mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export type SmallDisk = {mountPoint: string | undefined; scratch: string; empty: () => Promise<void>; unmount: () => Promise<void>};

/** Why a test needing a small disk cannot run here, or throws under CI. */
export function smallDiskUnavailable(reason: string, env: NodeJS.ProcessEnv = process.env): string {
	const text = `a small tmpfs cannot be mounted here (${reason}): mounting one needs root (CAP_SYS_ADMIN)`;
	if (env['CI']) throw new Error(`${text}; under CI this fails rather than skip`);
	console.log(`skipped: ${text}`);
	return text;
}

/** Mounts a tmpfs of `mib` MiB; `mountPoint` is undefined (and said why) when it cannot be mounted. */
export async function mountSmallDisk(mib: number, prefix = 'dsmn-small-disk-'): Promise<SmallDisk> {
	const scratch = await mkdtemp(join(tmpdir(), prefix));
	const point = join(scratch, 'small-disk');
	await mkdir(point);
	let mountPoint: string | undefined;
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', point], {stdio: 'ignore'});
		mountPoint = point;
	} catch (error) {
		smallDiskUnavailable((error as Error).message.split('\n')[0] ?? 'mount failed');
	}
	return {
		mountPoint,
		scratch,
		empty: async () => {
			if (mountPoint) for (const name of await readdir(mountPoint)) await rm(join(mountPoint, name), {recursive: true, force: true});
		},
		unmount: async () => {
			if (mountPoint) execFileSync('umount', ['-l', mountPoint], {stdio: 'ignore'});
			await rm(scratch, {recursive: true, force: true});
		},
	};
}
