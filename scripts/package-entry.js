// The single executable's main script, bundled as CommonJS by scripts/package.js (Node 20 runs only a
// CommonJS main script in a single executable): dsmn-resync itself, as cli.tsx is; or, started with the
// stand-in argument (what source/lab/stand-in-path.ts gives the lab target), the lab's stand-in net and sc,
// which dist/lab-tool.js is beside dist/cli.js.
/* global __SEA_STAND_IN_ARGUMENT__ */
const args = process.argv.slice(2);
if (args[0] === __SEA_STAND_IN_ARGUMENT__) {
	void import('../source/lab/stand-in-command.js')
		.then(({runStandIn}) => runStandIn(args.slice(1), process.env))
		.then(code => {
			process.exitCode = code;
		});
} else {
	// As cli.tsx: Ink and chalk do not honour NO_COLOR, so it is mapped before either is loaded.
	if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
	void import('../source/cli/main.js')
		.then(({main}) => main(args))
		.then(code => {
			process.exitCode = code;
		});
}
