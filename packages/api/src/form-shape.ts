import type { z } from 'zod';
import { fileFieldOf, type FileRule } from './uploads.ts';

/** How a multipart form maps onto a procedure's input, read from its schema. */
export interface FormShape {
  /** The file fields by name, with their rule when they have one. */
  files: Map<string, FileRule | undefined>;
  /** The fields that take a list, which a form sends as repeated parts. */
  lists: Set<string>;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
}

const defOf = (schema: z.ZodType) => schema._zod.def as Def;

/**
 * The form shape of the object inputs of a procedure. Wrappers (optional,
 * nullable, default, pipes) are looked through, so `fileField(...).optional()`
 * is still a file field.
 */
export function formShapeOf(inputs: readonly unknown[]): FormShape {
  const shape: FormShape = { files: new Map(), lists: new Set() };
  for (const input of inputs) {
    const object = unwrap(input as z.ZodType);
    for (const [name, field] of Object.entries(object ? (defOf(object).shape ?? {}) : {})) {
      addField(shape, name, field);
    }
  }
  return shape;
}

function addField(shape: FormShape, name: string, field: z.ZodType): void {
  const inner = unwrap(field);
  if (!inner) return;
  const file = fileFieldOf(inner);
  if (file) shape.files.set(name, file.rule ?? undefined);
  else if (defOf(inner).type === 'array') shape.lists.add(name);
}

/** The first schema under the wrappers that is not a wrapper itself. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  for (let current = schema, depth = 0; current && depth < 10; depth++) {
    if (fileFieldOf(current)) return current;
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    // A preprocess is a pipe from a transform: the schema that counts is its output.
    else if (def.type === 'pipe') current = defOf(def.in!).type === 'transform' ? def.out : def.in;
    else return current;
  }
  return undefined;
}
