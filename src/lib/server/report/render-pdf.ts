import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NodeCompiler, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import type { TReportDocument } from '../../core/report/document.ts';
import { toTypst } from '../../core/report/to-typst.ts';

// PDF through the Typst compiler (a native module). One compiler serves every render: creating it loads
// the fonts, which costs far more than a compile. Note for command-line callers: the native compiler keeps
// the Node process alive after the work is done, so a CLI command that renders a PDF must end the process
// explicitly (process.exit) once its output is written.

/**
 * Debian font folders the template's fallbacks come from, where present: DejaVu covers Arabic, Hebrew and
 * some emoji that the compiler's embedded Libertinus fonts lack; Liberation Sans has Arial's metrics, which
 * the chart SVGs are laid out for; Noto Color Emoji (package fonts-noto-color-emoji) draws the rest.
 */
const FONT_DIRS = [
	'/usr/share/fonts/truetype/dejavu',
	'/usr/share/fonts/truetype/liberation',
	'/usr/share/fonts/truetype/noto'
];

let compiler: NodeCompiler | undefined;

/**
 * The compiler with exactly the fonts above and its embedded ones. It would also load every font the
 * machine has (the folders named in fontconfig's configuration, read from FONTCONFIG_FILE when set), so a
 * report would look different, and a Chinese answer become PDF/A or not, by what else is installed. While
 * it is created, FONTCONFIG_FILE names a configuration whose one folder is empty.
 */
function createCompiler(): NodeCompiler {
	const empty = mkdtempSync(path.join(tmpdir(), 'mognad-fonts-'));
	const configFile = path.join(empty, 'fonts.conf');
	writeFileSync(configFile, `<?xml version="1.0"?>\n<fontconfig><dir>${empty}</dir></fontconfig>\n`);
	const previous = process.env.FONTCONFIG_FILE;
	process.env.FONTCONFIG_FILE = configFile;
	try {
		return NodeCompiler.create({ fontArgs: [{ fontPaths: FONT_DIRS.filter((dir) => existsSync(dir)) }] });
	} finally {
		if (previous === undefined) delete process.env.FONTCONFIG_FILE;
		else process.env.FONTCONFIG_FILE = previous;
		rmSync(empty, { recursive: true, force: true });
	}
}

function getCompiler(): NodeCompiler {
	compiler ??= createCompiler();
	return compiler;
}

/**
 * The PDF standard a published report is written to: PDF/A-2b, for archiving. A draft has no date, which
 * PDF/A requires, and is not archived: it is a plain PDF.
 */
export const PDF_STANDARD = 'a-2b';

/**
 * PDF/A forbids text drawn without a glyph. Text in a script none of the fonts covers (Chinese, say, in an
 * answer) would make the export fail; the report is then written as a plain (tagged) PDF, with a box for
 * each such character, rather than not at all. The same document always takes the same path.
 */
function archivalPdf(typst: NodeCompiler, compiled: NodeTypstDocument): Buffer {
	try {
		return typst.pdf(compiled, { pdfStandard: PDF_STANDARD });
	} catch (error) {
		if (!/PDF\/A-2b error: the text .* could not be displayed/.test(String(error))) throw error;
		return typst.pdf(compiled);
	}
}

/**
 * Renders the report to a PDF file (PDF/A-2b once published, when every character has a glyph). Deterministic: the same document gives the
 * same bytes (the PDF's date is the publication date; a draft has none), so a published version can be
 * rebuilt identically. A command-line caller must end the process itself (process.exit) once done: the
 * compiler keeps Node running.
 */
export async function renderReportPdf(doc: TReportDocument): Promise<Uint8Array> {
	const typst = getCompiler();
	const result = typst.compile({ mainFileContent: toTypst(doc) });
	const compiled = result.result;
	if (result.hasError() || compiled === null) {
		const error = result.takeDiagnostics() ?? result.takeError();
		const details = error ? JSON.stringify(error.shortDiagnostics) : 'no diagnostics';
		throw new Error(`The report could not be typeset: ${details}`);
	}
	const pdf = doc.meta.publishedOn === null ? typst.pdf(compiled) : archivalPdf(typst, compiled);
	// Drop what this compile cached of its own source, so a long-running server does not grow with every report.
	typst.evictCache(10);
	return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
