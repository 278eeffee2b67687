import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appRouter } from '../root.ts';

/** A procedure of the router as the fuzz test sees it. */
export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation';
  /** The input's JSON Schema (input side), or null for a procedure without input. */
  input: JsonSchema | null;
}

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
}

interface Def {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] };
}

/** Every procedure of `appRouter`, read from the router itself so a new one is fuzzed too. */
export function procedures(): ProcedureInfo[] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, Def>).flatMap(([path, p]) => {
    if (p._def.type === 'subscription') return [];
    const [schema] = p._def.inputs;
    const input = schema
      ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
      : null;
    return [{ path, type: p._def.type, input }];
  });
}

/** Ids of rows of the fuzzed store, by entity. */
export type StoreIds = Record<'customers' | 'debts' | 'payments' | 'sales', string>;

/**
 * A plausible valid input built from the procedure's schema: every field set
 * (optional ones too, so each can be mutated), ids naming the store's rows.
 * A delete names no row, so that the rows stay for the other runs.
 */
export function exampleInput(p: ProcedureInfo, ids: StoreIds): unknown {
  const [domain = '', name = ''] = p.path.split('.');
  const idOf = (field: string): string => {
    if (field === 'id')
      return name === 'delete' ? randomUUID() : (ids[domain as keyof StoreIds] ?? randomUUID());
    if (field === 'customerId') return ids.customers;
    if (field === 'debtId') return ids.debts;
    return randomUUID();
  };
  const build = (s: JsonSchema, field: string): unknown => {
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    if (s.anyOf) return build(s.anyOf.find((o) => o.type !== 'null') ?? {}, field);
    switch (s.type) {
      case 'object':
        return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, build(v, k)]));
      case 'array':
        return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => build(s.items ?? {}, field));
      case 'string':
        if (s.format === 'uuid') return idOf(field);
        if (s.format === 'email') return 'fuzz@example.com';
        if (s.format === 'date-time') return new Date().toISOString();
        if (s.format === 'date') return '2026-06-01';
        return field === 'timeZone' ? 'Africa/Nairobi' : 'x'.repeat(Math.max(1, s.minLength ?? 0));
      case 'integer':
      case 'number':
        return s.minimum ?? (s.exclusiveMinimum ?? 0) + 1;
      case 'boolean':
        return true;
      default:
        return {};
    }
  };
  return p.input ? build(p.input, '') : undefined;
}
