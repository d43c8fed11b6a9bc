import {Box} from 'ink';
import {Text} from './Text.js';
import {describeHidden, syncTotals, unsentNote, visibleServers} from '../sync-view-model.js';
import type {ServerProgress} from '../../wizard/state.js';
import {formatDuration} from '../../text/format.js';
import {bar, percent, rateAndEta} from '../../text/progress.js';
import {safeText} from '../../text/sanitize.js';
import {wrappedRows} from '../../text/measure.js';
import {useGlyphs} from '../theme.js';
import type {Glyphs} from '../../text/glyphs.js';

const markOf = (server: ServerProgress, glyphs: Glyphs) =>
	server.state === 'done' ? glyphs.ok : server.state === 'failed' ? glyphs.error : server.state === 'synchronizing' ? glyphs.arrow : ' ';

/**
 * The servers that fit `rows` rows: a failed server's reason is never cut (ARCHITECTURE.md, "Synchronize all
 * servers"), it wraps under itself, and the rows it takes are taken from the servers shown.
 */
function fitServers(servers: readonly ServerProgress[], rows: number, columns: number, glyphs: Glyphs) {
	for (let room = rows; ; room--) {
		const fit = visibleServers(servers, room);
		const nameWidth = Math.min(12, Math.max(4, ...fit.shown.map(s => s.name.length)));
		const taken =
			fit.shown.reduce(
				(sum, s) =>
					sum +
					(s.state === 'failed'
						? wrappedRows(`${markOf(s, glyphs).padEnd(glyphs.ok.length)} ${safeText(s.name).padEnd(nameWidth)} ${safeText(s.reason ?? 'failed')}`, columns)
						: 1),
				0,
			) + (fit.hidden.count > 0 ? 1 : 0);
		if (taken <= rows || room <= 2) return {...fit, nameWidth};
	}
}

/** "Synchronize all servers": an overall bar, a row per server that fits, elapsed and time left (ARCHITECTURE.md, "Synchronize all servers"). */
export function SyncView({
	servers,
	startedAt,
	now,
	rows,
	columns,
}: {
	servers: readonly ServerProgress[];
	startedAt: number;
	now: number;
	rows: number;
	columns: number;
}) {
	const glyphs = useGlyphs();
	const totals = syncTotals(servers);
	// Block characters are three bytes each in UTF-8: bars are kept short, the numbers say the rest.
	// The failed servers' updates not sent are said beside it (the total stays as planned): the bar gives way.
	const unsent = unsentNote(totals);
	const barWidth = Math.max(10, Math.min(30, columns - 34 - unsent.length));
	const {shown, hidden, nameWidth} = fitServers(servers, Math.max(2, rows), columns, glyphs);
	const rowBar = Math.max(5, Math.min(10, columns - nameWidth - 30));
	return (
		<Box flexDirection="column" width={columns}>
			<Text wrap="truncate-end">
				{bar(totals.done, totals.total, barWidth, glyphs)} {percent(totals.done, totals.total)} {totals.done}/{totals.total} account updates{unsent}
			</Text>
			<Text dimColor wrap="truncate-end">
				{[
					`${formatDuration(now - startedAt)} elapsed`,
					rateAndEta(totals.done, totals.expected, startedAt, now, 'accounts', totals.running > 0),
					`${totals.finished} done${totals.failed ? `, ${totals.failed} failed` : ''}`,
				]
					.filter(Boolean)
					.join(' · ')}
			</Text>
			{shown.map(server => {
				const mark = markOf(server, glyphs);
				const color = server.state === 'done' ? 'green' : server.state === 'failed' ? 'red' : server.state === 'synchronizing' ? 'cyan' : 'gray';
				return (
					<Text key={server.name} wrap={server.state === 'failed' ? 'wrap' : 'truncate-end'}>
						<Text color={color}>{mark.padEnd(glyphs.ok.length)}</Text> {safeText(server.name).padEnd(nameWidth)}{' '}
						{server.state === 'failed' ? (
							<Text color="red">{safeText(server.reason ?? 'failed')}</Text>
						) : (
							<>
								{bar(server.done, server.total, rowBar, glyphs)} {String(server.done).padStart(5)}/{server.total}
								{server.state === 'synchronizing' ? '' : <Text dimColor> {server.state}</Text>}
							</>
						)}
					</Text>
				);
			})}
			{hidden.count > 0 ? (
				<Text dimColor wrap="truncate-end">
					… and {hidden.count} more ({describeHidden(hidden)})
				</Text>
			) : null}
		</Box>
	);
}
