import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

// The notice's facts live in frontmatter so that pages, the key-facts box and the form read one source.
const notice = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/notice' }),
  schema: z.object({
    issuer: z.string(),
    issuerOffice: z.string(),
    docNumber: z.string(),
    titleLines: z.array(z.string()).min(1),
    recipients: z.string(),
    signature: z.string(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    submitTo: z.string(),
    /** 二、推荐申报名额: each 推荐单位 may put forward at most this many candidates. */
    candidatesPerUnit: z.number().int().positive(),
    contact: z.object({ name: z.string(), phone: z.string(), phoneDisplay: z.string() }),
    email: z.string().email(),
    address: z.string(),
    postcode: z.string(),
    attachments: z.array(z.object({ no: z.number().int(), title: z.string() })),
  }),
});

const attachments = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/attachments' }),
  schema: z.object({
    no: z.number().int(),
    title: z.string(),
    // Lines of the printed title, broken by meaning as in the source.
    titleLines: z.array(z.string()).min(1),
    kind: z.enum(['form', 'outline']),
    coverFields: z.array(z.string()).optional(),
    coverFooter: z.string().optional(),
    opinionBlocks: z.array(z.string()).optional(),
  }),
});

export const collections = { notice, attachments };
