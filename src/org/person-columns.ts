/** The columns of a people file. The standard names are a public interface: never rename them. */
import type { ColumnSpec } from "./columns";

export const PERSON_COLUMN_KEYS = [
  "unit_code",
  "full_name",
  "role",
  "phone",
  "email",
  "address_as",
  "valid_from",
  "valid_to",
] as const;
export type PersonColumn = (typeof PERSON_COLUMN_KEYS)[number];

const ALIASES: Record<PersonColumn, readonly string[]> = {
  unit_code: ["Mã đơn vị", "Đơn vị"],
  full_name: ["Họ và tên", "Họ tên", "Tên"],
  role: ["Vai trò", "Chức vụ", "Chức danh"],
  phone: ["Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Điện thoại di động"],
  email: ["Email", "E-mail", "Thư điện tử"],
  address_as: ["Xưng hô", "Danh xưng", "Cách xưng hô"],
  // The membership's dates (this role in this unit), accepted as the units file accepts its own.
  valid_from: ["Hiệu lực từ", "Hiệu lực từ ngày", "Từ ngày"],
  valid_to: ["Hiệu lực đến", "Hiệu lực đến ngày", "Đến ngày"],
};

const REQUIRED: readonly PersonColumn[] = ["unit_code", "full_name", "role"];

export const PERSON_COLUMNS: readonly ColumnSpec<PersonColumn>[] = PERSON_COLUMN_KEYS.map((key) => ({
  key,
  aliases: ALIASES[key],
  required: REQUIRED.includes(key),
}));
