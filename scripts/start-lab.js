// npm start: the wizard on a fresh practice lab in a temporary folder (left in place afterwards, so you can look at it).
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const lab = join(mkdtempSync(join(tmpdir(), 'dsmn-resync-lab-')), 'lab');
const created = spawnSync(process.execPath, [cli, 'lab', 'create', lab], {stdio: 'inherit'});
if (created.status !== 0) process.exit(created.status ?? 1);
const run = spawnSync(process.execPath, [cli, '--lab', lab, ...process.argv.slice(2)], {stdio: 'inherit'});
process.exit(run.status ?? 1);
