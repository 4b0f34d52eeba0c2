// PROVISIONAL (console side): replaced by the server branch's file of the same name on merge.
import { z } from 'zod';
import { CredentialSchema, IdSchema, listResponseSchema, TimestampSchema } from './schemas';

export const OrgCredentialSchema = CredentialSchema.extend({
  service_account: z.object({ id: IdSchema, name: z.string() }),
});
export type OrgCredentialItem = z.infer<typeof OrgCredentialSchema>;
export const OrgCredentialListSchema = listResponseSchema(OrgCredentialSchema);
export type OrgCredentialList = z.infer<typeof OrgCredentialListSchema>;

export const OrgCredentialStatsSchema = z.object({
  total: z.number().int(),
  active: z.number().int(),
  idle: z.number().int(),
  stale: z.number().int(),
  never_used_new: z.number().int(),
  never_used_stale: z.number().int(),
  rotation_due: z.number().int(),
  computed_at: TimestampSchema,
});
export type OrgCredentialStats = z.infer<typeof OrgCredentialStatsSchema>;
