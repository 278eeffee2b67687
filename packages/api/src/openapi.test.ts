import { ENTITIES, entityFieldNames } from '@storesync/schema';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';

type Schema = {
  $ref?: string;
  oneOf?: Schema[];
  discriminator?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  type?: string | string[];
  const?: unknown;
};
const doc = openApiDocument();
const schemas = doc.components.schemas as Record<string, Schema>;
const NAME = {
  customers: 'Customer',
  debts: 'Debt',
  payments: 'Payment',
  sales: 'Sale',
  settings: 'Settings',
  links: 'Link',
  reminders: 'Reminder',
} as const;
const at = (ref: string | undefined) => schemas[ref?.replace('#/components/schemas/', '') ?? ''];

describe('the OpenAPI document', () => {
  it('describes a push event as a oneOf discriminated by entity, each entity with its own payload fields', () => {
    const pushEvent = schemas.PushEvent;
    const refs = ENTITIES.map((e) => `#/components/schemas/${NAME[e]}PushEvent`);
    expect(pushEvent?.oneOf).toEqual(refs.map(($ref) => ({ $ref })));
    expect(pushEvent?.discriminator).toEqual({
      propertyName: 'entity',
      mapping: Object.fromEntries(ENTITIES.map((e, i) => [e, refs[i]])),
    });
    expect(schemas.PushInput?.properties?.events?.items).toEqual({ $ref: '#/components/schemas/PushEvent' });

    for (const entity of ENTITIES) {
      const variant = schemas[`${NAME[entity]}PushEvent`];
      expect(variant?.properties?.entity).toEqual({ type: 'string', const: entity });
      expect(variant?.required).toEqual(
        expect.arrayContaining(['eventUuid', 'entity', 'entityId', 'op', 'clientUpdatedAt']),
      );
      const payload = at(variant?.properties?.payload?.$ref);
      expect(Object.keys(payload?.properties ?? {}), entity).toEqual(entityFieldNames(entity));
      // An upsert may send only the fields it changes.
      expect(payload?.required ?? [], entity).toEqual([]);
    }
  });

  it('types the payload fields a generated client needs: money as integers, a sale’s items', () => {
    const sale = schemas.SalePayload?.properties ?? {};
    expect(sale.total?.type).toBe('integer');
    expect(Object.keys(sale.items?.items?.properties ?? {})).toEqual(['name', 'quantity', 'unitPrice']);
    expect(schemas.DebtPayload?.properties?.amount?.type).toBe('integer');
    expect(schemas.CustomerPayload?.properties?.name?.type).toBe('string');
  });

  it('gives every door 429 and 503 answers with a Retry-After header, and an error body that names them', () => {
    const codes = (schemas.Error?.properties?.error?.properties?.code as { enum?: string[] } | undefined)
      ?.enum;
    expect(codes).toEqual(expect.arrayContaining(['TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE', 'TIMEOUT']));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const operation of Object.values(item) as { responses: Record<string, { headers?: object }> }[]) {
        for (const status of ['429', '503']) {
          expect(operation.responses[status]?.headers, `${path} ${status}`).toHaveProperty('Retry-After');
        }
      }
    }
  });
});
