// Types of one application, mirroring schemas/application.schema.json (the data contract).
// Leaf values are optional because a draft is incomplete until it validates; groups and lists always
// exist because emptyApplication() and the importer fill them from the schema's defaults.

export const STUDIO_TYPES = ['技术攻关型', '技能传授型', '窗口服务型'] as const;
export type StudioType = (typeof STUDIO_TYPES)[number];

export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专或高中', '初中及以下'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

export type UnitType = '党政机关' | '事业单位' | '国有企业' | '集体企业' | '民营企业' | '外资企业（含港澳台）' | '社会组织' | '其他';

/** GB/T 4754-2017 门类, stored as the letter. */
export type IndustryCode =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'
  | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

export type Recommender =
  | '东湖区总工会' | '西湖区总工会' | '青云谱区总工会' | '青山湖区总工会' | '新建区总工会' | '红谷滩区总工会'
  | '南昌县总工会' | '安义县总工会' | '进贤县总工会' | '南昌高新区工会' | '南昌经开区工会' | '小蓝经开区工会'
  | '临空经济区工会' | '湾里管理局工会联合会' | '市直机关工会工委' | '市教科文卫体工会' | '市直属基层工会' | '其他';

export type Gender = '男' | '女';
export type PoliticalStatus = '中共党员' | '中共预备党员' | '共青团员' | '民主党派成员' | '无党派人士' | '群众';

export type HonorTitle =
  | '全国劳动模范' | '全国先进工作者' | '全国五一劳动奖章' | '江西省劳动模范' | '江西省先进工作者'
  | '江西省五一劳动奖章' | '省部级劳动模范' | '南昌市劳动模范' | '南昌市先进工作者' | '南昌市五一劳动奖章'
  | '洪城工匠' | '赣鄱工匠' | '其他';
export type HonorLevel = '全国' | '省部级' | '市级' | '其他';
export type InnovationKind =
  | '发明专利' | '实用新型专利' | '外观设计专利' | '软件著作权' | '技术革新' | '技术攻关' | '合理化建议' | 'QC成果' | '其他';
export type TalentKind = '技能等级晋升' | '职称晋升' | '荣誉称号' | '其他';
export type ProjectLevel = '国家级' | '省部级' | '市级' | '县区级' | '本单位';

export interface Cover {
  studioName?: string;
  unitName?: string;
  unitType?: UnitType;
  industry?: IndustryCode;
  recommender?: Recommender;
  recommenderOther?: string;
  /** YYYY-MM-DD */
  fillDate?: string;
}

/** 填表联系人: who filled the application; never printed on the 申报表. */
export interface Contact {
  name?: string;
  phone?: string;
}

export interface Studio {
  /** YYYY-MM */
  foundedDate?: string;
  type?: StudioType;
  area?: number;
  address?: string;
  field?: string;
}

export interface Honor {
  title?: HonorTitle;
  /** The honour's name when title is 其他; it is what the PDF prints. */
  titleOther?: string;
  level?: HonorLevel;
  /** YYYY */
  year?: string;
  grantor?: string;
}

export interface Leader {
  name?: string;
  gender?: Gender;
  /** YYYY-MM */
  birthMonth?: string;
  /** One of the 56 ethnic groups listed in the schema. */
  ethnicity?: string;
  politicalStatus?: PoliticalStatus;
  education?: Education;
  post?: string;
  title?: string;
  phone?: string;
  honors: Honor[];
}

export interface Member {
  name?: string;
  gender?: Gender;
  birthMonth?: string;
  education?: Education;
  title?: string;
  role?: string;
}

export interface FundingSource {
  funder?: string;
  /** 万元 */
  amount?: number;
}

export interface NamingItem {
  unit?: string;
  /** YYYY-MM */
  date?: string;
  title?: string;
}

/** One amount per recent year: y1 is the earliest (2018 for the 2021 notice). */
export interface YearAmounts {
  y1?: number;
  y2?: number;
  y3?: number;
}

export interface EconomicBenefit extends YearAmounts {
  note?: string;
}

export interface Innovation {
  name?: string;
  kind?: InnovationKind;
  /** YYYY */
  year?: string;
  recognizedBy?: string;
  number?: string;
}

export interface Talent {
  name?: string;
  /** YYYY-MM */
  date?: string;
  event?: string;
  kind?: TalentKind;
}

export interface Performance {
  investment: YearAmounts;
  innovations: Innovation[];
  economicBenefit: EconomicBenefit;
  talents: Talent[];
  socialBenefit?: string;
}

export interface Project {
  name?: string;
  level?: ProjectLevel;
  /** 万元 */
  budget?: number;
  /** YYYY-MM */
  start?: string;
  /** YYYY-MM, or empty while the project runs */
  end?: string;
  progress?: string;
}

export interface Materials {
  basics: { overview?: string; team?: string; conditions?: string };
  activities: { systems?: string; operation?: string; tasks?: string };
  results: { performance?: string; training?: string; influence?: string; honors?: string };
}

export interface Application {
  cover: Cover;
  contact: Contact;
  studio: Studio;
  leader: Leader;
  team: { members: Member[] };
  funding: { sources: FundingSource[] };
  naming: { hasNaming: boolean; items: NamingItem[] };
  performance: Performance;
  projects: Project[];
  summary?: string;
  achievements?: string;
  remarks?: string;
  opinions: { unitUnion?: string; districtUnion?: string };
  materials: Materials;
}

/** One problem found in an application, addressed by a dotted path such as "team.members.2.name". */
export interface Issue {
  path: string;
  /** The field's label as shown in the form. */
  label: string;
  message: string;
  severity: 'error' | 'warning';
  /** Which check produced it: "schema:<keyword>" or the name of a custom rule. */
  rule: string;
}

/** The notice being applied to; its year and date are configuration, never read from the clock. */
export interface NoticeContext {
  noticeYear: number;
  /** YYYY-MM-DD, the notice's 成文日期 */
  noticeDate: string;
}
