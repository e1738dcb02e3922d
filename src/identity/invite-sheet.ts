/**
 * The bulk invite workbook: one row per person with their code, links and a QR code of the web
 * chat link, ready to paste into the official letter (công văn) to each unit. exceljs is also used
 * by src/org/xlsx.ts; this file needs its image API, which the org writer does not expose.
 */
import fs from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import QRCode from "qrcode";

export interface InviteSheetRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly personName: string;
  readonly role: string;
  /** As printed: "ABCDE-23456". */
  readonly code: string;
  /** dd/mm/yyyy */
  readonly expires: string;
  readonly webLink: string;
  readonly telegramLink: string | undefined;
}

export interface InviteSheetHeaders {
  readonly sheet: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly person: string;
  readonly role: string;
  readonly code: string;
  readonly expires: string;
  readonly webLink: string;
  readonly telegramLink: string;
  readonly qr: string;
}

/** The QR image is square, this many pixels; rows are made tall enough to hold it. */
const QR_SIZE_PX = 150;
/** Excel row height is in points (3/4 of a pixel at 96 dpi), plus a small margin. */
const QR_ROW_HEIGHT_PT = Math.ceil((QR_SIZE_PX * 3) / 4) + 6;

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", width: QR_SIZE_PX, margin: 1, errorCorrectionLevel: "M" });
}

/** Writes the workbook atomically (a temporary file renamed into place). */
export async function writeInviteSheet(
  file: string,
  headers: InviteSheetHeaders,
  rows: readonly InviteSheetRow[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(headers.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: headers.unitCode, key: "unitCode", width: 16 },
    { header: headers.unitName, key: "unitName", width: 36 },
    { header: headers.person, key: "person", width: 28 },
    { header: headers.role, key: "role", width: 26 },
    { header: headers.code, key: "code", width: 16 },
    { header: headers.expires, key: "expires", width: 12 },
    { header: headers.webLink, key: "webLink", width: 48 },
    { header: headers.telegramLink, key: "telegramLink", width: 44 },
    { header: headers.qr, key: "qr", width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  const qrColumn = 8; // zero-based index of "qr"
  for (const [i, r] of rows.entries()) {
    const row = sheet.addRow({
      unitCode: r.unitCode,
      unitName: r.unitName,
      person: r.personName,
      role: r.role,
      code: r.code,
      expires: r.expires,
      webLink: { text: r.webLink, hyperlink: r.webLink },
      telegramLink: r.telegramLink ? { text: r.telegramLink, hyperlink: r.telegramLink } : "",
    });
    row.height = QR_ROW_HEIGHT_PT;
    row.alignment = { vertical: "middle", wrapText: true };
    row.getCell("code").font = { name: "Consolas", bold: true, size: 12 };
    // As base64: exceljs declares its own Buffer type, which Node's Buffer no longer satisfies.
    const png = await qrPng(r.webLink);
    const image = workbook.addImage({
      base64: `data:image/png;base64,${png.toString("base64")}`,
      extension: "png",
    });
    sheet.addImage(image, {
      tl: { col: qrColumn, row: i + 1 },
      ext: { width: QR_SIZE_PX, height: QR_SIZE_PX },
      editAs: "oneCell",
    });
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, file);
  } finally {
    await fs.rm(temp, { force: true });
  }
}
