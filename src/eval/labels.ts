// Reading gold labels and predictions (JSONL), validated at the edge so a bad line names its file and line.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Evidence = z.record(z.string(), z.array(z.string()));

/** One gold document: its facts and, per polarity, the categories it holds with their evidence quotes. */
export const GoldSchema = z.looseObject({
  doc: z.string(),
  area: z.looseObject({ la_code: z.string().nullable().optional() }).nullable().optional(),
  concerns: Evidence.optional(),
  strengths: Evidence.optional(),
});
export type Gold = z.infer<typeof GoldSchema>;

/** One predicted document, as `findings extract --format jsonl` prints it. */
export const PredSchema = z.looseObject({
  doc: z.string(),
  area: z.looseObject({ la_code: z.string().nullable().optional() }).nullable().optional(),
  findings: z
    .array(z.looseObject({ category: z.string(), polarity: z.string(), quote: z.string().optional(), page: z.number().nullable().optional() }))
    .optional(),
});
export type Pred = z.infer<typeof PredSchema>;

export class LabelError extends Error {
  override name = 'LabelError';
}

export function parseJsonl<T>(text: string, schema: z.ZodType<T>, source: string): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new LabelError(`${source}:${i + 1}: not JSON: ${(e as Error).message}`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new LabelError(`${source}:${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message.replace(/^Invalid input: /, '')}`);
    }
    out.push(parsed.data);
  });
  return out;
}

export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new LabelError(`${path}: cannot read: ${(e as Error).message}`);
  }
  return parseJsonl(text, schema, path);
}
