import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatBytes, formatDate} from '../../text/format.js';
import {displayWidth, rowsOf, wrappedRows} from '../../text/measure.js';
import {safeText} from '../../text/sanitize.js';
import {markCell} from '../../text/glyphs.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

type Validation = Extract<Screen, {name: 'validation'}>;

/** A file's note, as drawn: its first message. */
const noteOf = (file: Validation['report']['files'][number]) => safeText(file.messages[0] ?? '');

/**
 * Which files the screen lists and where their notes go (ARCHITECTURE.md, "Layout at any size"): beside a
 * file where it fits; else wrapped under it where the screen has the rows; else left off the rows, never
 * cut, and counted on a line of their own — the help (?) shows them, one line per note, naming the files
 * it is about. `markWidth`: the columns of a mark (markCell).
 */
export function validationLayout(screen: Validation, rows: number, columns: number, markWidth: number, choices: readonly string[]) {
	const {report} = screen;
	const findings = [...report.errors.slice(0, 3).map(e => `! ${safeText(e)}`), ...report.warnings.slice(0, 3).map(w => `! ${safeText(w)}`)];
	const fixed =
		wrappedRows(`Backup ${safeText(report.folder)}`, columns) +
		rowsOf(findings, columns) +
		(report.errors.length + report.warnings.length > 6 ? 1 : 0) +
		(report.valid ? 0 : 1) +
		rowsOf(
			choices.map(label => `  ${label}`),
			columns,
		);
	const listed = (room: number) =>
		report.files.length > room
			? [...report.files.filter(f => f.status !== 'ok'), ...report.files.filter(f => f.status === 'ok')].slice(0, room - 1)
			: report.files;
	const room = Math.max(4, rows - fixed);
	const widthOf = (files: Validation['report']['files']) => Math.min(24, Math.max(4, ...files.map(f => safeText(f.name).length)));
	// The mark, the name, the size and the date before the note.
	const beforeOf = (files: Validation['report']['files']) => markWidth + 1 + widthOf(files) + 1 + 9 + 1 + 16 + 1;
	const tooWide = (files: Validation['report']['files']) => files.filter(f => beforeOf(files) + displayWidth(noteOf(f)) > columns);
	let files = listed(room);
	const more = () => (files.length < report.files.length ? 1 : 0);
	const cut = tooWide(files);
	if (cut.length === 0) return {files, width: widthOf(files), notes: 'beside' as const, hidden: [] as string[]};
	if (
		fixed +
			files.length +
			more() +
			rowsOf(
				cut.map(f => `    ${noteOf(f)}`),
				columns,
			) <=
		rows
	)
		return {files, width: widthOf(files), notes: 'below' as const, hidden: [] as string[]};
	// No room under the files either: one row for the line that counts the notes left to the help.
	files = listed(Math.max(4, room - 1));
	const left = tooWide(files);
	const about = new Map<string, string[]>();
	for (const file of left) about.set(noteOf(file), [...(about.get(noteOf(file)) ?? []), safeText(file.name)]);
	return {
		files,
		width: widthOf(files),
		notes: 'help' as const,
		left: new Set(left.map(f => f.name)),
		hidden: [...about].map(([note, names]) => `${names.join(', ')}: ${note}`),
	};
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
	const layout = validationLayout(
		screen,
		rows,
		columns,
		markCell('', glyphs).length,
		choice.items.map(item => item.label),
	);
	const {files, width} = layout;
	const before = markCell('', glyphs).length + 1 + width + 1 + 9 + 1 + 16 + 1;
	const beside = (file: (typeof files)[number]) => before + displayWidth(noteOf(file)) <= columns;
	return (
		<Box flexDirection="column">
			<Text bold>Backup {safeText(report.folder)}</Text>
			{files.map(file => (
				<Box key={file.name} flexDirection="column">
					<Text wrap="truncate-end">
						<Text color={color[file.status]}>{markCell(mark[file.status], glyphs)}</Text> {safeText(file.name).slice(0, width).padEnd(width)}{' '}
						{formatBytes(file.size).padStart(9)} {formatDate(new Date(file.mtime))}
						{beside(file) ? <Text dimColor> {noteOf(file)}</Text> : null}
					</Text>
					{!beside(file) && layout.notes === 'below' ? (
						<Box paddingLeft={4}>
							<Text dimColor>{noteOf(file)}</Text>
						</Box>
					) : null}
				</Box>
			))}
			{files.length < report.files.length ? <Text dimColor>… and {report.files.length - files.length} more files, all fine</Text> : null}
			{layout.notes === 'help' ? (
				<Text dimColor>
					(the notes on {layout.left.size} {layout.left.size === 1 ? 'file' : 'files'} did not fit: ? shows them)
				</Text>
			) : null}
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
