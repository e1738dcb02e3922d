/**
 * The words a Sở writes in its spreadsheets for kinds, roles, levels and forms of address, and the
 * words we write back on export. These are part of the file format (what is accepted on import),
 * not interface text, so they live here rather than in locales/. Matching is case- and
 * accent-insensitive and ignores punctuation: "Phòng GD&ĐT" = "phong gd dt" = "PHÒNG GD-ĐT".
 */
import { foldText } from "../domain/contact";
import {
  ADDRESS_FORMS,
  type AddressAs,
  ROLES,
  type Role,
  SCHOOL_LEVELS,
  type SchoolLevel,
  UNIT_KINDS,
  type UnitKind,
} from "../domain/org";

/** foldText, with every run of punctuation turned into one space. */
export function foldWord(input: string): string {
  return foldText(input)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function lookup<T extends string>(codes: readonly T[], words: Record<T, readonly string[]>) {
  const table = new Map<string, T>();
  for (const code of codes) {
    table.set(foldWord(code), code);
    for (const w of words[code]) table.set(foldWord(w), code);
  }
  return (input: string): T | undefined => table.get(foldWord(input));
}

export const parseKind = lookup<UnitKind>(UNIT_KINDS, {
  so: ["Sở", "Sở GD&ĐT", "Sở GDĐT", "Sở Giáo dục và Đào tạo", "Sở Giáo dục"],
  office: ["Văn phòng Sở", "Văn phòng", "VP Sở"],
  division: ["Phòng chuyên môn", "Phòng thuộc Sở", "Phòng chuyên môn thuộc Sở", "Phòng nghiệp vụ"],
  district_office: [
    "Phòng GD&ĐT",
    "Phòng GDĐT",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Giáo dục",
    "Phòng GD&ĐT cũ",
    "Phòng GD&ĐT huyện",
    "Phòng GD&ĐT quận",
  ],
  commune_office: [
    "Phòng Văn hóa - Xã hội",
    "Phòng Văn hóa Xã hội",
    "Phòng VH-XH",
    "Phòng VHXH",
    "VH-XH",
    "Phòng Văn hóa - Xã hội xã",
    "Phòng Văn hóa - Xã hội phường",
  ],
  cluster: ["Cụm", "Cụm chuyên môn", "Cụm trường"],
  school: ["Trường", "Trường học", "Nhà trường"],
  center: ["Trung tâm", "TT", "TT GDNN-GDTX", "Trung tâm GDNN-GDTX", "TT GDTX"],
});

export const parseRole = lookup<Role>(ROLES, {
  head: [
    "Hiệu trưởng",
    "Trưởng phòng",
    "Giám đốc",
    "Giám đốc Sở",
    "Chánh Văn phòng",
    "Thủ trưởng",
    "Thủ trưởng đơn vị",
    "Trưởng phòng Văn hóa - Xã hội",
  ],
  deputy: ["Phó Hiệu trưởng", "Phó Trưởng phòng", "Phó Giám đốc", "Phó Chánh Văn phòng", "Cấp phó"],
  comms: [
    "Cán bộ truyền thông",
    "Cán bộ phụ trách truyền thông",
    "Phụ trách truyền thông",
    "Truyền thông",
    "CB truyền thông",
  ],
  office_staff: ["Chuyên viên Văn phòng", "Cán bộ Văn phòng", "Văn phòng", "Nhân viên Văn phòng"],
  admin: ["Quản trị", "Quản trị viên", "Quản trị hệ thống"],
  cluster_head: ["Cụm trưởng", "Trưởng cụm"],
  staff: ["Cán bộ", "Chuyên viên", "Nhân viên", "Giáo viên", "Công chức"],
});

export const parseAddressAs = lookup<AddressAs>(ADDRESS_FORMS, {
  thay: ["Thầy"],
  co: ["Cô"],
  dong_chi: ["Đồng chí", "đ/c", "đc"],
  anh: ["Anh"],
  chi: ["Chị"],
});

const parseLevel = lookup<SchoolLevel>(SCHOOL_LEVELS, {
  mn: ["Mầm non", "Mẫu giáo", "Nhà trẻ"],
  th: ["Tiểu học"],
  thcs: ["Trung học cơ sở"],
  thpt: ["Trung học phổ thông"],
  gdtx: ["Giáo dục thường xuyên", "GDNN", "GDNN-GDTX", "Giáo dục nghề nghiệp"],
});

/**
 * "MN, TH, THCS", "mầm non; tiểu học", "TH&THCS", "TH-THCS-THPT" → levels in canonical order, or the
 * words that are not levels.
 */
export function parseLevels(input: string): { ok: true; value: SchoolLevel[] } | { ok: false; bad: string } {
  const words = input
    .split(/[,;&+/|]|\s+-\s+|(?<=\S)-(?=\S)/)
    .map((w) => w.trim())
    .filter((w) => w !== "");
  const found = new Set<SchoolLevel>();
  for (const word of words) {
    const level = parseLevel(word);
    if (!level) return { ok: false, bad: word };
    found.add(level);
  }
  return { ok: true, value: SCHOOL_LEVELS.filter((l) => found.has(l)) };
}

// What we write on export: Vietnamese words every Văn phòng reads, all accepted back on import.

export const KIND_LABELS: Record<UnitKind, string> = {
  so: "Sở GD&ĐT",
  office: "Văn phòng Sở",
  division: "Phòng chuyên môn",
  district_office: "Phòng GD&ĐT",
  commune_office: "Phòng Văn hóa - Xã hội",
  cluster: "Cụm chuyên môn",
  school: "Trường",
  center: "Trung tâm",
};

export const LEVEL_LABELS: Record<SchoolLevel, string> = {
  mn: "MN",
  th: "TH",
  thcs: "THCS",
  thpt: "THPT",
  gdtx: "GDTX",
};

export const ADDRESS_LABELS: Record<AddressAs, string> = {
  thay: "Thầy",
  co: "Cô",
  dong_chi: "Đồng chí",
  anh: "Anh",
  chi: "Chị",
};

/** The title a role carries in a unit of this kind: the head of a school is its Hiệu trưởng. */
export function roleLabel(role: Role, kind: UnitKind): string {
  switch (role) {
    case "head":
      return HEAD_TITLES[kind] ?? "Trưởng phòng";
    case "deputy":
      return DEPUTY_TITLES[kind] ?? "Phó Trưởng phòng";
    case "comms":
      return "Cán bộ truyền thông";
    case "office_staff":
      return "Chuyên viên Văn phòng";
    case "admin":
      return "Quản trị";
    case "cluster_head":
      return "Cụm trưởng";
    case "staff":
      return "Cán bộ";
  }
}

const HEAD_TITLES: Partial<Record<UnitKind, string>> = {
  school: "Hiệu trưởng",
  so: "Giám đốc",
  center: "Giám đốc",
  office: "Chánh Văn phòng",
  cluster: "Thủ trưởng đơn vị",
};

const DEPUTY_TITLES: Partial<Record<UnitKind, string>> = {
  school: "Phó Hiệu trưởng",
  so: "Phó Giám đốc",
  center: "Phó Giám đốc",
  office: "Phó Chánh Văn phòng",
  cluster: "Cấp phó",
};
