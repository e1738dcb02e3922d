/**
 * The demo organisation: the fictional tỉnh Minh Lâm after the 2025 reform (DOMAIN §1, §6). Names,
 * phones and e-mails are invented (e-mails use the reserved .example domain, so nothing can be
 * delivered). Codes are stable: the web chat, docs and tests refer to them.
 */
import type { UnitInput } from "../db/units";
import type { AddressAs, Role } from "../domain/org";

export const DEMO_PROVINCE_NAME = "tỉnh Minh Lâm";

export const DEMO_UNIT_CODES = {
  so: "SO",
  office: "VP",
  divisionGdpt: "P-GDPT",
  divisionMnTh: "P-GDMNTH",
  divisionTccb: "P-TCCB",
  communeOfficePhuLam: "VHXH-PHULAM",
  communeOfficeDongThanh: "VHXH-DONGTHANH",
  legacyDistrictOffice: "PGD-YENHOA",
  cluster: "CUM-1",
  mnHoaSen: "MN-HOASEN",
  mnAnhDuong: "MN-ANHDUONG",
  mnSonCa: "MN-SONCA",
  thPhuLam: "TH-PHULAM",
  thKimDong: "TH-KIMDONG",
  thLeVanTam: "TH-LEVANTAM",
  thThcsLamThuong: "THTHCS-LAMTHUONG",
  thcsPhuLam: "THCS-PHULAM",
  thcsNguyenDu: "THCS-NGUYENDU",
  thcsChuVanAn: "THCS-CHUVANAN",
  thcsThptHoangHoaTham: "THCS-THPT-HOANGHOATHAM",
  thptLeQuyDon: "THPT-LEQUYDON",
  thptTranPhu: "THPT-TRANPHU",
  thptNguyenTrai: "THPT-NGUYENTRAI",
  center: "TT-GDNN-GDTX",
} as const;

const C = DEMO_UNIT_CODES;
const REFORM_START = "2025-07-01";
const DISTRICTS_END = "2025-06-30";
const mail = (local: string) => `${local}@minhlam.example`;

/** A school under a commune office (MN/TH/THCS): reports to the Sở, or to the cluster in Đông Thành. */
function communeSchool(
  code: string,
  name: string,
  levels: UnitInput["levels"],
  commune: string,
  reportsTo: string,
) {
  return { code, name, kind: "school", levels, parentCode: commune, reportsToCode: reportsTo } as const;
}

export const DEMO_UNITS: readonly UnitInput[] = [
  {
    code: C.so,
    name: "Sở Giáo dục và Đào tạo tỉnh Minh Lâm",
    shortName: "Sở GD&ĐT Minh Lâm",
    kind: "so",
    phone: "02993812345",
    email: mail("sogddt"),
  },
  {
    code: C.office,
    name: "Văn phòng Sở",
    kind: "office",
    parentCode: C.so,
    phone: "02993812346",
    email: mail("vanphong.sogddt"),
  },
  { code: C.divisionGdpt, name: "Phòng Giáo dục phổ thông", kind: "division", parentCode: C.so },
  { code: C.divisionMnTh, name: "Phòng Giáo dục mầm non – tiểu học", kind: "division", parentCode: C.so },
  { code: C.divisionTccb, name: "Phòng Tổ chức cán bộ", kind: "division", parentCode: C.so },
  {
    code: C.communeOfficePhuLam,
    name: "Phòng Văn hóa – Xã hội xã Phú Lâm",
    shortName: "Phòng VH-XH xã Phú Lâm",
    kind: "commune_office",
    reportsToCode: C.so,
    validFrom: REFORM_START,
  },
  {
    code: C.communeOfficeDongThanh,
    name: "Phòng Văn hóa – Xã hội phường Đông Thành",
    shortName: "Phòng VH-XH phường Đông Thành",
    kind: "commune_office",
    reportsToCode: C.so,
    validFrom: REFORM_START,
  },
  {
    code: C.legacyDistrictOffice,
    name: "Phòng Giáo dục và Đào tạo huyện Yên Hòa",
    shortName: "Phòng GD&ĐT Yên Hòa",
    kind: "district_office",
    reportsToCode: C.so,
    validTo: DISTRICTS_END,
  },
  {
    code: C.cluster,
    name: "Cụm chuyên môn số 1 (phường Đông Thành)",
    shortName: "Cụm chuyên môn số 1",
    kind: "cluster",
    parentCode: C.so,
    validFrom: "2025-10-01",
  },
  communeSchool(C.mnHoaSen, "Trường Mầm non Hoa Sen", ["mn"], C.communeOfficePhuLam, C.so),
  communeSchool(C.mnAnhDuong, "Trường Mầm non Ánh Dương", ["mn"], C.communeOfficePhuLam, C.so),
  communeSchool(C.mnSonCa, "Trường Mầm non Sơn Ca", ["mn"], C.communeOfficeDongThanh, C.so),
  communeSchool(C.thPhuLam, "Trường Tiểu học Phú Lâm", ["th"], C.communeOfficePhuLam, C.so),
  communeSchool(C.thKimDong, "Trường Tiểu học Kim Đồng", ["th"], C.communeOfficeDongThanh, C.cluster),
  communeSchool(C.thLeVanTam, "Trường Tiểu học Lê Văn Tám", ["th"], C.communeOfficeDongThanh, C.cluster),
  communeSchool(
    C.thThcsLamThuong,
    "Trường Tiểu học và Trung học cơ sở Lâm Thượng",
    ["th", "thcs"],
    C.communeOfficePhuLam,
    C.so,
  ),
  communeSchool(C.thcsPhuLam, "Trường THCS Phú Lâm", ["thcs"], C.communeOfficePhuLam, C.so),
  communeSchool(C.thcsNguyenDu, "Trường THCS Nguyễn Du", ["thcs"], C.communeOfficeDongThanh, C.cluster),
  communeSchool(C.thcsChuVanAn, "Trường THCS Chu Văn An", ["thcs"], C.communeOfficeDongThanh, C.cluster),
  // Anything with THPT, and the centres, are managed by the Sở itself since 1/7/2025.
  {
    code: C.thcsThptHoangHoaTham,
    name: "Trường THCS và THPT Hoàng Hoa Thám",
    kind: "school",
    levels: ["thcs", "thpt"],
    parentCode: C.so,
  },
  {
    code: C.thptLeQuyDon,
    name: "Trường THPT Lê Quý Đôn",
    kind: "school",
    levels: ["thpt"],
    parentCode: C.so,
  },
  { code: C.thptTranPhu, name: "Trường THPT Trần Phú", kind: "school", levels: ["thpt"], parentCode: C.so },
  {
    code: C.thptNguyenTrai,
    name: "Trường THPT Nguyễn Trãi",
    kind: "school",
    levels: ["thpt"],
    parentCode: C.so,
  },
  {
    code: C.center,
    name: "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên Yên Hòa",
    shortName: "TT GDNN-GDTX Yên Hòa",
    kind: "center",
    levels: ["gdtx"],
    parentCode: C.so,
  },
];

export interface DemoPerson {
  readonly unitCode: string;
  readonly fullName: string;
  readonly role: Role;
  readonly phone: string;
  readonly email: string;
  readonly addressAs: AddressAs;
}

/** Phones of people the tests and the web chat sign in as. */
export const DEMO_PHONES = {
  director: "0912000101",
  officeHead: "0913000102",
  officeStaff: "0983000103",
  officeStaff2: "0354000104",
  admin: "0868000105",
  communeOfficePhuLamHead: "0977000110",
  nguyenDuHead: "0904000121",
  nguyenDuComms: "0385000122",
  kimDongComms: "0936000124",
  leQuyDonComms: "0395000126",
} as const;

const P = DEMO_PHONES;
const person = (
  unitCode: string,
  fullName: string,
  role: Role,
  phone: string,
  emailLocal: string,
  addressAs: AddressAs,
): DemoPerson => ({ unitCode, fullName, role, phone, email: mail(emailLocal), addressAs });

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person(C.so, "Trần Văn Hùng", "head", P.director, "tvhung", "dong_chi"),
  person(C.office, "Nguyễn Thị Thu Hà", "head", P.officeHead, "ntthuha", "dong_chi"),
  person(C.office, "Lê Thị Mai", "office_staff", P.officeStaff, "ltmai", "chi"),
  person(C.office, "Phạm Quốc Bảo", "office_staff", P.officeStaff2, "pqbao", "anh"),
  person(C.office, "Đỗ Minh Tuấn", "admin", P.admin, "dmtuan", "anh"),
  person(C.divisionGdpt, "Hoàng Văn Nam", "head", "0915000106", "hvnam", "dong_chi"),
  person(C.divisionMnTh, "Vũ Thị Hồng", "head", "0947000107", "vthong", "dong_chi"),
  person(C.divisionTccb, "Bùi Đức Thắng", "head", "0989000108", "bdthang", "dong_chi"),
  person(C.communeOfficePhuLam, "Ngô Thị Lan", "head", P.communeOfficePhuLamHead, "ntlan.phulam", "chi"),
  person(C.communeOfficeDongThanh, "Đặng Văn Lâm", "head", "0328000111", "dvlam.dongthanh", "anh"),
  person(C.mnHoaSen, "Nguyễn Thị Hoa", "head", "0914000112", "mnhoasen", "co"),
  person(C.mnHoaSen, "Trần Thị Ngọc Ánh", "comms", "0367000113", "ttnanh.mnhoasen", "co"),
  person(C.mnAnhDuong, "Lương Thị Thảo", "head", "0916000114", "mnanhduong", "co"),
  person(C.mnAnhDuong, "Phan Thị Yến", "comms", "0338000115", "ptyen.mnanhduong", "chi"),
  person(C.mnSonCa, "Đinh Thị Hương", "head", "0918000116", "mnsonca", "co"),
  person(C.mnSonCa, "Mai Thị Trang", "comms", "0372000117", "mttrang.mnsonca", "co"),
  person(C.thPhuLam, "Phạm Văn Đức", "head", "0919000118", "c1phulam", "thay"),
  person(C.thPhuLam, "Nguyễn Thị Thanh Tâm", "comms", "0396000119", "nttam.c1phulam", "co"),
  person(C.thKimDong, "Lê Thị Bích Ngọc", "head", "0903000123", "c1kimdong", "co"),
  person(C.thKimDong, "Trịnh Văn Khoa", "comms", P.kimDongComms, "tvkhoa.c1kimdong", "thay"),
  person(C.thLeVanTam, "Hà Văn Quang", "head", "0905000125", "c1levantam", "thay"),
  person(C.thLeVanTam, "Đoàn Thị Thu", "comms", "0376000127", "dtthu.c1levantam", "co"),
  person(C.thThcsLamThuong, "Lò Văn Minh", "head", "0961000128", "lamthuong", "thay"),
  person(C.thThcsLamThuong, "Hoàng Thị Dung", "comms", "0345000129", "htdung.lamthuong", "co"),
  person(C.thcsPhuLam, "Tạ Quang Vinh", "head", "0962000130", "c2phulam", "thay"),
  person(C.thcsPhuLam, "Nguyễn Thị Hạnh", "comms", "0868000131", "nthanh.c2phulam", "co"),
  person(C.thcsNguyenDu, "Nguyễn Văn An", "head", P.nguyenDuHead, "c2nguyendu", "thay"),
  person(C.thcsNguyenDu, "Vũ Thị Lan Anh", "comms", P.nguyenDuComms, "vtlananh.c2nguyendu", "co"),
  // The cụm trưởng is a principal: the same person, a second role in the cluster.
  person(C.cluster, "Nguyễn Văn An", "cluster_head", P.nguyenDuHead, "c2nguyendu", "thay"),
  person(C.thcsChuVanAn, "Trần Thị Kim Oanh", "head", "0966000132", "c2chuvanan", "co"),
  person(C.thcsChuVanAn, "Lý Văn Tùng", "comms", "0352000133", "lvtung.c2chuvanan", "thay"),
  person(C.thcsThptHoangHoaTham, "Đỗ Văn Thành", "head", "0971000134", "hoanghoatham", "thay"),
  person(C.thcsThptHoangHoaTham, "Bùi Thị Phương", "comms", "0383000135", "btphuong.hoanghoatham", "co"),
  person(C.thptLeQuyDon, "Phạm Thị Minh Nguyệt", "head", "0972000136", "c3lequydon", "co"),
  person(C.thptLeQuyDon, "Nguyễn Hoàng Long", "comms", P.leQuyDonComms, "nhlong.c3lequydon", "thay"),
  person(C.thptTranPhu, "Cao Văn Sơn", "head", "0973000137", "c3tranphu", "thay"),
  person(C.thptTranPhu, "Đặng Thị Thùy Linh", "comms", "0398000138", "dttlinh.c3tranphu", "co"),
  person(C.thptNguyenTrai, "Kiều Văn Hải", "head", "0974000139", "c3nguyentrai", "thay"),
  person(C.thptNguyenTrai, "Lê Thị Huyền", "comms", "0334000140", "lthuyen.c3nguyentrai", "co"),
  person(C.center, "Võ Văn Tâm", "head", "0975000141", "ttgdnngdtx", "dong_chi"),
  person(C.center, "Chu Thị Nga", "comms", "0359000142", "ctnga.ttgdnngdtx", "chi"),
];

/** The old district office split between the two commune offices on 1/7/2025. */
export const DEMO_LINKS = [
  {
    fromCode: C.legacyDistrictOffice,
    toCodes: [C.communeOfficePhuLam, C.communeOfficeDongThanh],
    kind: "split",
    effectiveDate: REFORM_START,
    note: "Giải thể cấp huyện từ 01/07/2025 (Nghị quyết 203/2025/QH15)",
  },
] as const;
