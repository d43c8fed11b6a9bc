import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatBytes, formatDate} from '../../text/format.js';
import {displayWidth, rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {markCell} from '../../text/glyphs.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

/**
 * A file's row, and whether its note goes on its own row under it (ARCHITECTURE.md, "Layout at any
 * size"): where the note does not fit beside the file and the screen has the rows, it is wrapped under
 * it, never cut; where the rows are short it is cut at the row's end.
 */
export function notesBelow(notes: readonly string[], before: number, rows: number, fixed: number, columns: number): boolean {
	const cut = notes.filter(note => before + displayWidth(note) > columns);
	return (
		cut.length > 0 &&
		fixed +
			notes.length +
			rowsOf(
				cut.map(note => `    ${note}`),
				columns,
			) <=
			rows
	);
}

export function ValidationScreen({
	screen,
	rows,
	columns = 80,
	choice,
}: {
	screen: Extract<Screen, {name: 'validation'}>;
	rows: number;
	columns?: number;
	choice: ChoiceView;
}) {
	const glyphs = useGlyphs();
	const {report} = screen;
	const mark = {ok: glyphs.ok, warning: glyphs.warning, error: glyphs.error};
	const color = {ok: 'green', warning: 'yellow', error: 'red'} as const;
	const findings = [...report.errors.slice(0, 3).map(e => `! ${safeText(e)}`), ...report.warnings.slice(0, 3).map(w => `! ${safeText(w)}`)];
	const fixed =
		wrappedRows(`Backup ${safeText(report.folder)}`, columns) +
		rowsOf(findings, columns) +
		(report.errors.length + report.warnings.length > 6 ? 1 : 0) +
		(report.valid ? 0 : 1) +
		rowsOf(
			choice.items.map(item => `  ${item.label}`),
			columns,
		);
	const room = Math.max(4, rows - fixed);
	const files =
		report.files.length > room
			? [...report.files.filter(f => f.status !== 'ok'), ...report.files.filter(f => f.status === 'ok')].slice(0, room - 1)
			: report.files;
	const width = Math.min(24, Math.max(4, ...files.map(f => safeText(f.name).length)));
	// The mark (as wide as the widest: markCell), the name, the size and the date before the note.
	const before = markCell('', glyphs).length + 1 + width + 1 + 9 + 1 + 16 + 1;
	const below = notesBelow(
		files.map(f => safeText(f.messages[0] ?? '')),
		before,
		rows,
		fixed + (files.length < report.files.length ? 1 : 0),
		columns,
	);
	return (
		<Box flexDirection="column">
			<Text bold>Backup {safeText(report.folder)}</Text>
			{files.map(file => (
				<Box key={file.name} flexDirection="column">
					<Text wrap="truncate-end">
						<Text color={color[file.status]}>{markCell(mark[file.status], glyphs)}</Text> {safeText(file.name).slice(0, width).padEnd(width)}{' '}
						{formatBytes(file.size).padStart(9)} {formatDate(new Date(file.mtime))}
						{below && before + displayWidth(safeText(file.messages[0] ?? '')) > columns ? null : <Text dimColor> {safeText(file.messages[0] ?? '')}</Text>}
					</Text>
					{below && before + displayWidth(safeText(file.messages[0] ?? '')) > columns ? (
						<Box paddingLeft={4}>
							<Text dimColor>{safeText(file.messages[0] ?? '')}</Text>
						</Box>
					) : null}
				</Box>
			))}
			{files.length < report.files.length ? <Text dimColor>… and {report.files.length - files.length} more files, all fine</Text> : null}
			{report.errors.slice(0, 3).map(e => (
				<Text key={e} color="red">
					{glyphs.error} {safeText(e)}
				</Text>
			))}
			{report.warnings.slice(0, 3).map(w => (
				<Text key={w} color="yellow">
					{glyphs.warning} {safeText(w)}
				</Text>
			))}
			{report.errors.length + report.warnings.length > 6 ? (
				<Text dimColor>({safeText(screen.checkCommand ?? `dsmn-resync check ${report.folder}`)} lists them all)</Text>
			) : null}
			{report.valid ? (
				<Select {...choice} />
			) : (
				<>
					<Text color="red" bold>
						This folder cannot be restored from. Nothing was changed.
					</Text>
					<Select {...choice} />
				</>
			)}
		</Box>
	);
}
