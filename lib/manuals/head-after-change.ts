// The header fields an approved change sets: what it submitted, its 变更次数, and 申报类型 2 (变更) — after a
// change the manual is a changed one, whatever the submitted header said (data-fields.md: 1 备案, 2 变更). The
// approval writes these and the review shows them, so what is approved is what was shown.
import type { THeadChanges } from "./change-schema";

export const DCL_TYPE_CHANGED = "2";

export const headAfterChange = (headChanges: THeadChanges | null, chgTmsCnt: number) => ({
  ...headChanges,
  dclTypecd: DCL_TYPE_CHANGED,
  chgTmsCnt,
});
