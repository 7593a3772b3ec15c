/** Who edits, previews, publishes and downloads a wave's report. */
export const REPORT_EDITORS = ['admin', 'analyst'] as const;

/** Who reads a published report version (it shows no figures of hidden groups, and no unmarked quotes). */
export const REPORT_READERS = ['admin', 'analyst', 'viewer'] as const;
