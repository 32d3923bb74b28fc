/** The applicant's own 仿宋, picked on the output page: it replaces the body role in every PDF made here. */
export interface ChosenFont {
  name: string;
  bytes: ArrayBuffer;
}
