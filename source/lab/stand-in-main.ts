/** Entry of dist/lab-tool.js: `node dist/lab-tool.js net|sc ARGS…` with DSMN_LAB_DIR naming the lab. */
import {runStandIn} from './stand-in-command.js';

process.exitCode = await runStandIn(process.argv.slice(2), process.env);
