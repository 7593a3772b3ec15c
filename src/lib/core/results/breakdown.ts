import { z } from 'zod';

/**
 * A breakdown: `organisation` = the units directly below the wave's owner (the municipalities),
 * `department` = each respondent's own unit, `role` = role group.
 */
export const ZBreakdown = z.enum(['organisation', 'department', 'role']);
export type TBreakdown = z.infer<typeof ZBreakdown>;
