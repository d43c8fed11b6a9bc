/**
 * The dependency rules: no import cycle, and every import points down the layer order written in
 * ARCHITECTURE.md ("Layers"). The order is read from that table, so the document and the check cannot
 * disagree: a module may import its own folder and any layer ranked below its own, nothing else
 * (type-only and dynamic imports count too).
 */
const {readFileSync} = require('node:fs');
const {join} = require('node:path');

const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rows of the "Layers" table: `| rank | unit, unit … | what it owns |`, a unit being one path or paths
 * joined by "+". Units on one row are siblings and do not import each other; the paths of a unit do.
 */
function readUnits() {
	const text = readFileSync(join(__dirname, 'ARCHITECTURE.md'), 'utf8');
	const section = text.split(/^## /m).find(part => part.startsWith('Layers\n'));
	if (!section) throw new Error('ARCHITECTURE.md has no "## Layers" section');
	const units = [];
	for (const line of section.split('\n')) {
		const row = /^\|\s*(\d+)\s*\|([^|]*)\|/.exec(line);
		if (!row) continue;
		for (const cell of row[2].split(',')) {
			const paths = [...cell.matchAll(/`([^`]+)`/g)].map(match => match[1]);
			if (paths.length === 0) throw new Error(`ARCHITECTURE.md, "Layers": rank ${row[1]} has an empty unit`);
			units.push({
				rank: Number(row[1]),
				paths,
				name: `${row[1]}-${paths[0]
					.replace(/^source\//, '')
					.replace(/[^\w]+/g, '-')
					.replace(/^-|-$/g, '')}`,
			});
		}
	}
	if (units.length === 0) throw new Error('ARCHITECTURE.md, "Layers": no table rows');
	return units;
}

const units = readUnits();
const allPaths = units.flatMap(unit => unit.paths);
/** A path's own pattern: a folder (ends in /) covers what is under it; anything else is one file. */
const pattern = path => (path.endsWith('/') ? `^${escapeRegExp(path)}` : `^${escapeRegExp(path)}$`);
/** Entries of other units inside one of this unit's folders: they belong to their own unit. */
const carvedOut = unit =>
	units
		.filter(other => other !== unit)
		.flatMap(other => other.paths)
		.filter(path => unit.paths.some(mine => mine.endsWith('/') && path !== mine && path.startsWith(mine)))
		.map(pattern);

const forbidden = [
	{
		name: 'no-cycle',
		comment: 'An import cycle: ARCHITECTURE.md, "Layers".',
		severity: 'error',
		from: {},
		to: {circular: true},
	},
];
for (const unit of units) {
	const notBelow = units.filter(other => other !== unit && other.rank <= unit.rank).flatMap(other => other.paths);
	const allowed = units.filter(other => other === unit || other.rank > unit.rank).flatMap(other => other.paths);
	const pathNot = carvedOut(unit);
	const from = {path: unit.paths.map(pattern), ...(pathNot.length > 0 ? {pathNot} : {})};
	const comment = `${unit.paths.join(' + ')} (rank ${unit.rank}) may import only itself and layers ranked below it: ARCHITECTURE.md, "Layers".`;
	if (notBelow.length > 0) forbidden.push({name: `layer-${unit.name}`, comment, severity: 'error', from, to: {path: notBelow.map(pattern)}});
	// …and nothing of the project that no row names.
	forbidden.push({name: `layer-${unit.name}-unplaced`, comment, severity: 'error', from, to: {path: '^(source/|cli\\.tsx$)', pathNot: allowed.map(pattern)}});
}

/** Every module must be in some layer: a new folder is placed in the table before it is used. */
forbidden.push({
	name: 'not-in-a-layer',
	comment: 'A module in no row of ARCHITECTURE.md, "Layers": add its folder there.',
	severity: 'error',
	from: {path: '^(source/|cli\\.tsx$)', pathNot: allPaths.map(pattern)},
	to: {},
});

module.exports = {
	forbidden,
	options: {
		doNotFollow: {path: 'node_modules'},
		exclude: {path: '^(node_modules|dist|test|scripts)/'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		moduleSystems: ['es6'],
	},
};
