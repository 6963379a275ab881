-- CP-06 (the meeting after a baby on a pre-birth plan is born: 10 days, 20 if the mother is not
-- medically fit) reads whether the mother was fit from the birth record, where the pre-birth module
-- records it (birth_record.mother_medically_fit, 0012). The plan's own column was a seam left for
-- that merge: nothing ever wrote it, so every plan read "not recorded" and counted 10 days even when
-- the birth record said 20. It goes, so the fact has one home.
alter table cp_plan drop column mother_medically_fit;
