import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A Word document (.docx) written from paragraphs and tables, for the tests that bring a plan in from its file: only
 * what a typed plan has (text, bold, centred lines, table cells), packed as the ZIP of XML parts Word itself writes.
 */

/** A paragraph: its text (a line break as "\n"), bold or not, centred or not. */
export type DocParagraph = { text: string; bold?: boolean; center?: boolean };
/** A table: its rows of cells, the first row its header. */
export type DocTable = { rows: string[][] };
export type DocBlock = DocParagraph | DocTable;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function runs(text: string, bold: boolean): string {
  const style = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return text
    .split('\n')
    .map((line, index) =>
      index === 0
        ? `<w:r>${style}<w:t xml:space="preserve">${escape(line)}</w:t></w:r>`
        : `<w:r>${style}<w:br/><w:t xml:space="preserve">${escape(line)}</w:t></w:r>`,
    )
    .join('');
}

function paragraph({ text, bold = false, center = false }: DocParagraph): string {
  const properties = center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : '';
  return `<w:p>${properties}${runs(text, bold)}</w:p>`;
}

function table({ rows }: DocTable): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(columns)}</w:tblGrid>`;
  const body = rows
    .map(
      (row, index) =>
        `<w:tr>${row
          .map(
            (cell) =>
              `<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/></w:tcPr>${paragraph({ text: cell, bold: index === 0 })}</w:tc>`,
          )
          .join('')}</w:tr>`,
    )
    .join('');
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>${grid}${body}</w:tbl>`;
}

function documentXml(blocks: DocBlock[]): string {
  const body = blocks.map((block) => ('rows' in block ? table(block) : paragraph(block))).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    // Word wants a paragraph after a table that ends the body.
    `<w:body>${body}<w:p/><w:sectPr/></w:body></w:document>`
  );
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const packageRelationships =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** A ZIP archive of the named parts, each deflated. */
function zip(parts: [name: string, content: string][]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10); // time
    header.writeUInt16LE(0x21, 12); // date: 1 January 1980
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    local.push(header, nameBytes, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    entry.writeUInt16LE(20, 6); // version needed
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes stay 0
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** The .docx file of the blocks, in order. */
export function docx(blocks: DocBlock[]): Buffer {
  return zip([
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', packageRelationships],
    ['word/document.xml', documentXml(blocks)],
  ]);
}
