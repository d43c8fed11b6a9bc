import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import type {NetWareServerInfo} from '../../targets/capabilities.js';
import {rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {markCell} from '../../text/glyphs.js';
import {useGlyphs} from '../theme.js';
import {count, verb} from '../../text/plural.js';
import {aboutServers} from '../../procedure/list-names.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

/** What the rows that did not fit hold: counted, never assumed ("… and 17 more: 3 with a red X, 14 synchronized"). */
export function hiddenServersLine(hidden: readonly {synchronized: boolean}[], real: boolean): string {
	if (real) return `… and ${hidden.length} more (in Synchronization Manager)`;
	const red = hidden.filter(s => !s.synchronized).length;
	const parts = [...(red ? [`${red} with a red X`] : []), ...(hidden.length - red ? [`${hidden.length - red} synchronized`] : [])];
	return `… and ${hidden.length} more: ${parts.join(', ')}`;
}

/**
 * A mark as wide as the glyphs draw it (`markWidth`: markCell), for counting rows: a mark the wrap knows
 * (text/wrap.ts), so that the rows a line wraps onto start under its text as they do when drawn.
 */
const markAsDrawn = (markWidth: number) => '✗'.padEnd(markWidth);

/** A server's row as drawn: its mark, its name, its state. */
const serverLine = (server: NetWareServerInfo, markWidth = 1) =>
	`${markAsDrawn(markWidth)} ${safeText(server.name).padEnd(8)} ${server.synchronized ? 'synchronized' : safeText(server.problem ?? 'not synchronized')}`;

/**
 * What SYNCAGNT holds, counted as the restore's move-aside counts it (the database's files), and the other
 * files named: a restore leaves them where they are.
 */
export function filesNote(screen: Pick<Extract<Screen, {name: 'inspect'}>, 'files' | 'others'>): string {
	const others = (screen.others ?? []).map(safeText);
	const files = `${screen.files} database file${screen.files === 1 ? '' : 's'}`;
	if (others.length === 0) return `(${files})`;
	const named = others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
	return `(${files}, and ${named}, which a restore leaves in place)`;
}

/**
 * How the servers fit `rows` rows under the rest (ARCHITECTURE.md, "Layout at any size"): each wrapped
 * whole where the rows allow; else one row each, its reason cut; else the red ones first, the rest counted.
 */
export function inspectLayout(screen: Extract<Screen, {name: 'inspect'}>, rows: number, columns: number, choices: readonly string[], markWidth = 1) {
	const failing = screen.checks.filter(c => !c.ok);
	const fixed =
		wrappedRows(`SYNCAGNT ${safeText(screen.syncagnt)} ${filesNote(screen)}`, columns) +
		// Why it is stopped, where the target says it, can take rows of its own.
		wrappedRows(`Service MSSYNC: ${safeText(screen.service)}`, columns) +
		rowsOf(
			screen.checks.flatMap(c => [`${markAsDrawn(markWidth)} ${safeText(c.detail)}`, ...(c.fix ? [` What to do: ${safeText(c.fix)}`] : [])]),
			columns,
		) +
		1 +
		(!screen.real && screen.blue && screen.servers.every(s => s.synchronized) ? wrappedRows(safeText(screen.blue), columns) : 1) +
		(failing.length ? wrappedRows(`The target is not ready: fix what is marked x, then check again. Nothing was changed.`, columns) : 0) +
		rowsOf(
			choices.map(label => `  ${label}`),
			columns,
		);
	const servers = screen.servers.length;
	if (
		fixed +
			rowsOf(
				screen.servers.map(server => serverLine(server, markWidth)),
				columns,
			) <=
		rows
	)
		return {servers, wrap: true, left: new Set<string>(), hidden: [] as string[]};
	// One row each: a reason that does not fit beside its server is left to the help (?), whole, and counted on a row of its own.
	const shown = fixed + servers + 1 <= rows ? servers : Math.max(3, rows - fixed - 1) - 1;
	// A real server's mark cannot be seen from here: none is known to be red, so none has a reason to show.
	const red = screen.real ? [] : screen.servers.filter(s => !s.synchronized);
	const listed = shown < servers ? [...red, ...screen.servers.filter(s => s.synchronized)].slice(0, shown) : screen.servers;
	// The reasons of the red servers counted but not listed go there too.
	const left = red.filter(s => !listed.includes(s) || wrappedRows(serverLine(s, markWidth), columns) > 1);
	const about = new Map<string, string[]>();
	for (const server of left) {
		const reason = safeText(server.problem ?? 'not synchronized');
		about.set(reason, [...(about.get(reason) ?? []), safeText(server.name)]);
	}
	return {servers: shown, wrap: false, left: new Set(left.map(s => s.name)), hidden: [...about].map(([reason, names]) => aboutServers(names, reason))};
}

export function InspectScreen({
	screen,
	rows,
	columns = 80,
	choice,
}: {
	screen: Extract<Screen, {name: 'inspect'}>;
	rows: number;
	columns?: number;
	choice: ChoiceView;
}) {
	const glyphs = useGlyphs();
	const red = screen.servers.filter(s => !s.synchronized);
	const failing = screen.checks.filter(c => !c.ok);
	const layout = inspectLayout(
		screen,
		rows,
		columns,
		choice.items.map(item => item.label),
		markCell('', glyphs).length,
	);
	const shown = layout.servers < screen.servers.length ? [...red, ...screen.servers.filter(s => s.synchronized)].slice(0, layout.servers) : screen.servers;
	return (
		<Box flexDirection="column">
			<Text>
				SYNCAGNT <Text color="cyan">{safeText(screen.syncagnt)}</Text> {filesNote(screen)}
			</Text>
			<Text>
				Service MSSYNC: <Text color={screen.service === 'RUNNING' ? 'green' : 'yellow'}>{safeText(screen.service)}</Text>
			</Text>
			{screen.checks.map(check => (
				<Box key={check.name + check.detail} flexDirection="column">
					<Text>
						<Text color={check.ok ? 'green' : 'red'}>{markCell(check.ok ? glyphs.ok : glyphs.error, glyphs)}</Text> {safeText(check.detail)}
					</Text>
					{check.fix ? <Text color="yellow"> What to do: {safeText(check.fix)}</Text> : null}
				</Box>
			))}
			{screen.real && screen.servers.length === 0 ? (
				<Text dimColor>DSMN's list of NetWare servers is in Synchronization Manager: look there for the red X.</Text>
			) : (
				<>
					<Text bold>Managed NetWare servers</Text>
					{shown.map(server => (
						<Text key={server.name} wrap={layout.wrap ? 'wrap' : 'truncate-end'}>
							{screen.real ? (
								<Text>{glyphs.bullet}</Text>
							) : (
								<Text color={server.synchronized ? 'green' : 'red'}>{markCell(server.synchronized ? glyphs.ok : glyphs.error, glyphs)}</Text>
							)}{' '}
							{safeText(server.name).padEnd(8)}
							{layout.left.has(server.name) ? null : (
								<Text dimColor> {server.synchronized ? 'synchronized' : safeText(server.problem ?? 'not synchronized')}</Text>
							)}
						</Text>
					))}
					{shown.length < screen.servers.length ? (
						<Text dimColor={shown.length >= red.length} color={shown.length < red.length ? 'red' : undefined}>
							{hiddenServersLine(
								screen.servers.filter(s => !shown.includes(s)),
								screen.real,
							)}
						</Text>
					) : null}
					{layout.left.size ? (
						<Text dimColor>
							(why {count(layout.left.size, 'server')} {verb(layout.left.size, 'is', 'are')} red did not fit: ? shows it)
						</Text>
					) : null}
					{screen.real ? null : (
						<Text>
							{red.length === 0
								? safeText(screen.blue ?? 'Every server shows a blue check: there may be nothing to do.')
								: `${red.length} of ${count(screen.servers.length, 'server')} ${verb(red.length, 'shows', 'show')} a red X.`}
						</Text>
					)}
				</>
			)}
			{failing.length ? <Text color="red">The target is not ready: fix what is marked {glyphs.error}, then check again. Nothing was changed.</Text> : null}
			<Select {...choice} />
		</Box>
	);
}
