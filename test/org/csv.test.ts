import { describe, expect, it } from "vitest";
import { decodeCsv, guessDelimiter, parseCsv, toCsv } from "../../src/org/csv";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("CSV", () => {
  it("decodes UTF-8 with and without a BOM", () => {
    expect(decodeCsv(utf8("\uFEFFmã,tên"))).toEqual({ ok: true, text: "mã,tên" });
    expect(decodeCsv(utf8("mã,tên"))).toEqual({ ok: true, text: "mã,tên" });
  });

  it("decodes UTF-16 LE with a BOM (Excel's 'Unicode text')", () => {
    const body = Buffer.from("mã;tên", "utf16le");
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, ...body]))).toEqual({ ok: true, text: "mã;tên" });
  });

  it("refuses bytes that are not UTF-8 (a Windows-1258 file)", () => {
    expect(decodeCsv(new Uint8Array([0x6d, 0xe3, 0x2c, 0x74]))).toEqual({ ok: false });
  });

  it("guesses the delimiter, even with commas inside semicolon-separated fields", () => {
    expect(guessDelimiter("a,b,c\n1,2,3")).toBe(",");
    expect(guessDelimiter("Danh sách\na;b;c\n1;MN, TH;3")).toBe(";");
  });

  it("parses quoted fields with doubled quotes, delimiters and line breaks inside", () => {
    const text = 'code,name\r\nA,"Trường ""Hoa Sen"", cơ sở 1"\r\nB,"dòng 1\ndòng 2"\n';
    expect(parseCsv(text)).toEqual([
      ["code", "name"],
      ["A", 'Trường "Hoa Sen", cơ sở 1'],
      ["B", "dòng 1\ndòng 2"],
    ]);
  });

  it("writes what it reads, with a BOM and CRLF", () => {
    const rows = [
      ["code", "name"],
      ["A", 'Trường "X", Phú Lâm'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");
    const decoded = decodeCsv(utf8(text));
    expect(decoded.ok && parseCsv(decoded.text)).toEqual(rows);
  });
});
