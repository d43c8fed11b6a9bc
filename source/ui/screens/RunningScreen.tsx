import {Box} from 'ink';
import type {ReactNode} from 'react';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatBytes} from '../../text/format.js';
import {wrappedRows} from '../../text/measure.js';
import {bar, percent, rateAndEta} from '../../text/progress.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {useNow} from '../use-now.js';
import {SyncView} from '../widgets/SyncView.js';
import {syncTotals} from '../sync-view-model.js';
import {leavingWait, serviceWait} from '../../wizard/step-help.js';

/** The rows the synchronization view takes at the least (its two totals lines, then a server and a count of the rest), besides the title: the spare row is given up first. */
const SYNC_VIEW_ROWS = 4;

/** A line of the screen, the rows it takes, and how much it is needed where rows are short (lower first). */
type Part = {key: string; rows: number; need: number; node: ReactNode};

/**
 * `rows`: what this screen may use, the terminal's rows less the header, step list, commands and footer (and
 * an overlay over it). Where they are short (the help or the quit question open at 60×20), it keeps what is
 * most needed: the title, whether it is leaving, then the progress in one line (ARCHITECTURE.md, "Layout at
 * any size").
 */
export function RunningScreen({screen, rows, columns, leaving}: {screen: Extract<Screen, {name: 'running'}>; rows: number; columns: number; leaving: boolean}) {
	const glyphs = useGlyphs();
	const now = useNow();
	const {title, progress} = screen;
	const line = (key: string, need: number, text: string, props: {bold?: true; color?: string; dimColor?: true} = {}): Part => ({
		key,
		need,
		rows: wrappedRows(text, columns),
		node: (
			<Text key={key} {...props}>
				{text}
			</Text>
		),
	});
	const parts: Part[] = [line('title', 0, `${glyphs.arrow} ${title}…`, {bold: true, color: 'cyan'})];
	// Stopping or starting MSSYNC may take up to its timeout (90 s): the time so far says it is not stuck.
	if (progress.kind === 'service' || progress.kind === 'none') {
		const state = [
			progress.kind === 'service' && progress.state ? `MSSYNC: ${progress.state}` : '',
			screen.startedAt === undefined ? '' : `${Math.max(0, Math.floor((now - screen.startedAt) / 1000))} s so far`,
		]
			.filter(Boolean)
			.join(` ${glyphs.separator} `);
		parts.push(line('state', 2, state));
	}
	const wait = serviceWait(screen.step);
	if (wait) parts.push(line('wait', 4, wait, {dimColor: true}));
	if (progress.kind === 'count')
		parts.push(
			line(
				'count',
				2,
				`${bar(progress.done, progress.total, Math.max(10, Math.min(30, columns - 34)), glyphs)} ${percent(progress.done, progress.total)} ${safeText(progress.label)}`,
			),
		);
	if (progress.kind === 'copy') {
		const bytes = `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`;
		parts.push(
			line(
				'copy',
				2,
				`${bar(progress.bytesDone, progress.bytesTotal, Math.max(10, Math.min(40, columns - 30)), glyphs)} ${percent(progress.bytesDone, progress.bytesTotal)} ${bytes}`,
			),
		);
		parts.push(
			line('file', 3, `${safeText(progress.file)} · ${rateAndEta(progress.bytesDone, progress.bytesTotal, progress.startedAt, now, 'bytes')}`, {
				dimColor: true,
			}),
		);
	}
	if (leaving) parts.push(line('leaving', 1, leavingWait(screen.step), {color: 'yellow'}));
	const kept = fit(parts, rows);
	const used = kept.reduce((sum, part) => sum + part.rows, 0);
	let sync: ReactNode = null;
	if (progress.kind === 'sync') {
		// Around the view: the title, the "Leaving…" line (a row kept for it while not leaving) and one spare — a live area as tall as
		// the terminal makes Ink clear and reprint everything on every frame.
		const room = rows - used - (leaving ? 1 : 2);
		if (rows - used >= SYNC_VIEW_ROWS)
			sync = <SyncView servers={progress.servers} startedAt={progress.startedAt} now={now} rows={Math.max(2, room - 2)} columns={columns} />;
		else if (rows - used >= 1) {
			// No room for a row per server: the overall count alone, on one row.
			const totals = syncTotals(progress.servers);
			sync = (
				<Text wrap="truncate-end">
					{bar(totals.done, totals.total, Math.max(10, Math.min(30, columns - 34)), glyphs)} {percent(totals.done, totals.total)} {totals.done}/{totals.total}{' '}
					account updates
				</Text>
			);
		}
	}
	return (
		<Box flexDirection="column">
			{kept.filter(part => part.key !== 'leaving').map(part => part.node)}
			{sync}
			{kept.find(part => part.key === 'leaving')?.node}
		</Box>
	);
}

/** The parts that fit `rows`, in their order: the least needed left out first (the title always kept). */
function fit(parts: readonly Part[], rows: number): Part[] {
	const kept = [...parts];
	const total = () => kept.reduce((sum, part) => sum + part.rows, 0);
	while (kept.length > 1 && total() > rows) {
		const least = kept.reduce((worst, part, i) => (part.need > kept[worst]!.need ? i : worst), 0);
		kept.splice(least, 1);
	}
	return kept;
}
