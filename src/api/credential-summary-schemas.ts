// Wire format of `expand=credential_summary` on the service-account list (extension
// `service_account_query`). Shared by the server and the console. No React, no DOM.
import * as z from 'zod/mini';
import { listResponseSchema, ServiceAccountSchema, TimestampSchema } from './schemas';

/** Over the service account's credentials; the times are absent when it has none (or none was used). */
export const CredentialSummarySchema = z.object({
  count: z.int().check(z.gte(0)),
  last_used_at: z.nullish(TimestampSchema),
  oldest_created_at: z.nullish(TimestampSchema),
});
export type CredentialSummary = z.infer<typeof CredentialSummarySchema>;
export const ServiceAccountWithSummarySchema = z.extend(ServiceAccountSchema, {
  credential_summary: z.optional(CredentialSummarySchema),
});
export type ServiceAccountWithSummary = z.infer<typeof ServiceAccountWithSummarySchema>;
export const ServiceAccountSummaryListSchema = listResponseSchema(ServiceAccountWithSummarySchema);
export type ServiceAccountSummaryList = z.infer<typeof ServiceAccountSummaryListSchema>;
