import { z } from 'zod';
import type { OrgGroup, OrgGroupNode } from '../../domain/model.js';
import { bodyIdSchema, nameSchema, timestampSchema } from '../schemas.js';

const ogShape = {
  id: z.number().int(),
  parentId: z.number().int().nullable().describe('Null for Global, the root.'),
  name: z.string(),
  depth: z.number().int().describe('Distance from Global (0).'),
  createdAt: timestampSchema,
};

export const ogSchema = z.object(ogShape).meta({ id: 'OrganizationGroup' });

export type OgTreeDto = z.output<typeof ogSchema> & { children: OgTreeDto[] };

export const ogTreeSchema: z.ZodType<OgTreeDto> = z
  .object({
    ...ogShape,
    get children() {
      return z.array(ogTreeSchema);
    },
  })
  .meta({ id: 'OrganizationGroupTree' });

export const newOgBody = z.object({ parentId: bodyIdSchema, name: nameSchema });

export const ogUpdateBody = z
  .object({
    name: nameSchema.optional().describe('Renames the group.'),
    parentId: bodyIdSchema.optional().describe('Moves the group, with everything below it, under this parent.'),
  })
  .refine((update) => update.name !== undefined || update.parentId !== undefined, 'give a name, a parentId or both');

export function presentOg(og: OrgGroup): z.output<typeof ogSchema> {
  return { id: og.id, parentId: og.parentId ?? null, name: og.name, depth: og.depth, createdAt: og.createdAt.toISOString() };
}

export function presentOgTree(node: OrgGroupNode): OgTreeDto {
  return { ...presentOg(node), children: node.children.map(presentOgTree) };
}
