/**
 * The roles of staff accounts and the sets of them that pages check, named once. Pure data, so that the
 * routes (through the wrappers in `server/web`) and the navigation components use the same sets.
 */

/** Every role: administrator, analyst, organisation contact (bound to one unit), viewer. */
export const ALL_ROLES = ['admin', 'analyst', 'contact', 'viewer'] as const;
export type TRole = (typeof ALL_ROLES)[number];

/** Accounts, personal data, the audit log and the organisation tree's changes. */
export const ADMINS = ['admin'] as const satisfies readonly TRole[];

/**
 * Who manages waves and their data: participants, messages, imports and exports, every free-text answer,
 * themes, title mappings, questionnaires and the report's drafts.
 */
export const MANAGERS = ['admin', 'analyst'] as const satisfies readonly TRole[];

/** Who reads a published report version (it shows no figures of hidden groups, and no unmarked quotes). */
export const REPORT_READERS = ['admin', 'analyst', 'viewer'] as const satisfies readonly TRole[];

/** Whether `role` is one of `roles`. */
export const hasRole = (role: TRole, roles: readonly TRole[]): boolean => roles.includes(role);
