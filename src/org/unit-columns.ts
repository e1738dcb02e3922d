/** The columns of a units file. The standard names are a public interface: never rename them. */
import type { ColumnSpec } from "./columns";

export const UNIT_COLUMN_KEYS = [
  "code",
  "name",
  "short_name",
  "kind",
  "parent_code",
  "levels",
  "reports_to_code",
  "valid_from",
  "valid_to",
  "phone",
  "email",
  "successor_codes",
] as const;
export type UnitColumn = (typeof UNIT_COLUMN_KEYS)[number];

const ALIASES: Record<UnitColumn, readonly string[]> = {
  code: ["Mã đơn vị", "Mã"],
  name: ["Tên đơn vị", "Tên", "Tên đầy đủ"],
  short_name: ["Tên viết tắt", "Tên ngắn", "Tên gọi tắt"],
  kind: ["Loại đơn vị", "Loại"],
  parent_code: ["Mã đơn vị cấp trên", "Đơn vị cấp trên", "Mã cấp trên", "Cấp trên"],
  levels: ["Cấp học", "Các cấp học"],
  reports_to_code: ["Đơn vị nhận báo cáo", "Mã đơn vị nhận báo cáo", "Nơi nhận báo cáo", "Báo cáo về"],
  valid_from: ["Hiệu lực từ", "Hiệu lực từ ngày", "Từ ngày", "Ngày thành lập"],
  valid_to: ["Hiệu lực đến", "Hiệu lực đến ngày", "Đến ngày", "Ngày giải thể"],
  phone: ["Điện thoại", "Số điện thoại", "SĐT", "ĐT"],
  email: ["Email", "E-mail", "Thư điện tử"],
  successor_codes: ["Đơn vị kế thừa", "Mã đơn vị kế thừa", "Kế thừa"],
};

const REQUIRED: readonly UnitColumn[] = ["code", "name", "kind"];

export const UNIT_COLUMNS: readonly ColumnSpec<UnitColumn>[] = UNIT_COLUMN_KEYS.map((key) => ({
  key,
  aliases: ALIASES[key],
  required: REQUIRED.includes(key),
}));
