// Types of one application, derived from schemas/application.schema.json (the data contract) by
// scripts/gen-types.mjs: a field added to the schema is typed here without retyping it. This module only
// names the parts other modules use. Leaf values are optional because a draft is incomplete until it
// validates; groups and lists always exist because emptyApplication() and the importer fill them from the
// schema's defaults.
import { SCHEMA_ENUMS, type ApplicationData } from '../../generated/application-types';

export type Application = ApplicationData;
export type Cover = Application['cover'];
export type Studio = Application['studio'];
export type Leader = Application['leader'];
export type Honor = Leader['honors'][number];
export type Member = Application['team']['members'][number];
export type FundingSource = Application['funding']['sources'][number];
export type NamingItem = Application['naming']['items'][number];
export type Performance = Application['performance'];
/** One amount per recent year: y1 is the earliest (2018 for the 2021 notice). */
export type YearAmounts = Performance['investment'];
export type EconomicBenefit = Performance['economicBenefit'];
export type Innovation = Performance['innovations'][number];
export type Talent = Performance['talents'][number];
export type Project = Application['projects'][number];
export type Materials = Application['materials'];

export const STUDIO_TYPES = SCHEMA_ENUMS['studio.type'];
export type StudioType = (typeof STUDIO_TYPES)[number];
export const EDUCATION_LEVELS = SCHEMA_ENUMS['leader.education'];
export type Education = (typeof EDUCATION_LEVELS)[number];
export type UnitType = NonNullable<Cover['unitType']>;
/** GB/T 4754-2017 门类, stored as the letter. */
export type IndustryCode = NonNullable<Cover['industry']>;
export type Recommender = NonNullable<Cover['recommender']>;
export type Gender = NonNullable<Leader['gender']>;
export type PoliticalStatus = NonNullable<Leader['politicalStatus']>;
export type HonorTitle = NonNullable<Honor['title']>;
export type HonorLevel = NonNullable<Honor['level']>;
export type InnovationKind = NonNullable<Innovation['kind']>;
export type TalentKind = NonNullable<Talent['kind']>;
export type ProjectLevel = NonNullable<Project['level']>;

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
