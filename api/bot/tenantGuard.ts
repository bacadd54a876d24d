import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';

/** Where an activity names its tenant: Teams puts it in channelData.tenant.id and in conversation.tenantId. */
const tenantOfActivity = z
  .looseObject({
    channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).optional() }).optional(),
    conversation: z.looseObject({ tenantId: z.string().optional() }).optional(),
  })
  .transform((activity) => {
    const ids = [activity.channelData?.tenant?.id, activity.conversation?.tenantId].filter(
      (id): id is string => typeof id === 'string' && id !== '',
    );
    return ids.map((id) => id.toLowerCase());
  });

/** The tenants an activity names (both places), lower-cased; empty when it names none. */
export function activityTenantIds(body: unknown): string[] {
  const parsed = tenantOfActivity.safeParse(body);
  return parsed.success ? [...new Set(parsed.data)] : [];
}

/**
 * Refuses an activity from a tenant outside the allowed ones (ALLOWED_TENANT_IDS and the organisations
 * file) before the Teams SDK handles it: a bot installed in someone else's tenant does nothing for them. In
 * tenant mode an activity must name its tenant; locally (Agents Playground) it may name none.
 */
export function tenantGuard(allowed: readonly string[], requireTenant: boolean): RequestHandler[] {
  const allowedIds = new Set(allowed.map((id) => id.toLowerCase()));
  const guard = (req: Request, res: Response, next: NextFunction): void => {
    // Authentication first: in tenant mode a request without a Bot Framework token is the SDK's to refuse (401).
    if (requireTenant && !/^Bearer\s+\S/i.test(req.header('authorization') ?? '')) return next();
    const ids = activityTenantIds(req.body);
    const refused = ids.length === 0 ? requireTenant : ids.some((id) => !allowedIds.has(id));
    if (!refused) return next();
    res.status(403).json({
      error: {
        code: 'FORBIDDEN',
        message: 'Aktiviteten kommer från en organisation som inte ingår i samverkan; boten svarar inte på den.',
      },
    });
  };
  return [express.json({ limit: '256kb' }), guard];
}
