// The single executable's main script, bundled as CommonJS by scripts/package.js (Node 20 runs only a
// CommonJS main script in a single executable): dsmn-resync itself, as cli.tsx is. The lab's stand-in net
// and sc are answered inside the program (source/targets/lab/lab-target.ts), so it never starts itself.
const args = process.argv.slice(2);
// As cli.tsx: Ink and chalk do not honour NO_COLOR, so it is mapped before either is loaded.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
void import('../source/cli/main.js')
	.then(({main}) => main(args))
	.then(code => {
		process.exitCode = code;
	});
