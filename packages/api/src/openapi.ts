import {
  DevSignInInputSchema,
  type Entity,
  EntityPatchSchemas,
  EntityRowSchema,
  EntityRowSchemas,
  ErrorBodySchema,
  MeOutputSchema,
  PulledEventSchema,
  PullInputSchema,
  PullOutputSchema,
  PushEventSchema,
  PushInputSchema,
  PushOutputSchema,
  PushResultSchema,
  SignInInputSchema,
  SignInOutputSchema,
  SignOutOutputSchema,
  SnapshotInputSchema,
  SnapshotOutputSchema,
} from '@storesync/schema';
import { z } from 'zod';

// Components, generated from the zod schemas the server validates with.
const components = z.registry<{ id: string }>();
const register = <T extends z.ZodType>(schema: T, id: string): T => {
  components.add(schema, { id });
  return schema;
};
const uri = (id: string) => `#/components/schemas/${id}`;
const ref = (id: string) => ({ $ref: uri(id) });
register(EntityRowSchemas.customers, 'Customer');
register(EntityRowSchemas.debts, 'Debt');
register(EntityRowSchemas.payments, 'Payment');
register(EntityRowSchemas.sales, 'Sale');
register(EntityRowSchemas.settings, 'Settings');
register(EntityRowSchemas.links, 'Link');
register(EntityRowSchemas.reminders, 'Reminder');
register(EntityRowSchema, 'EntityRow');

// A push event per entity, with that entity's payload (its fields, all optional, as an
// upsert sends only those it changes), in a union discriminated by `entity`: a client
// generated from the document gets typed payloads. The server judges each event of a
// batch on its own against the same rules, so a bad one is that event's `rejected`.
const NAMES: Record<Entity, string> = {
  customers: 'Customer',
  debts: 'Debt',
  payments: 'Payment',
  sales: 'Sale',
  settings: 'Settings',
  links: 'Link',
  reminders: 'Reminder',
};
const pushEvent = <E extends Entity>(entity: E) =>
  register(
    PushEventSchema.extend({
      entity: z.literal(entity),
      payload: register(EntityPatchSchemas[entity], `${NAMES[entity]}Payload`)
        .optional()
        .describe(
          'upsert: the fields it sets (a new row needs every required one); unknown keys are dropped',
        ),
    }),
    `${NAMES[entity]}PushEvent`,
  );
const PushEventUnion = register(
  z
    .discriminatedUnion('entity', [
      pushEvent('customers'),
      pushEvent('debts'),
      pushEvent('payments'),
      pushEvent('sales'),
      pushEvent('settings'),
      pushEvent('links'),
      pushEvent('reminders'),
    ])
    .meta({
      discriminator: {
        propertyName: 'entity',
        mapping: Object.fromEntries(
          Object.entries(NAMES).map(([entity, name]) => [entity, uri(`${name}PushEvent`)]),
        ),
      },
    }),
  'PushEvent',
);
register(PushInputSchema.extend({ events: z.array(PushEventUnion).min(1).max(500) }), 'PushInput');
register(PushResultSchema, 'PushResult');
register(PushOutputSchema, 'PushOutput');
register(PulledEventSchema, 'PulledEvent');
register(PullOutputSchema, 'PullOutput');
register(SnapshotOutputSchema, 'SnapshotOutput');
register(SignInInputSchema, 'GoogleSignInInput');
register(DevSignInInputSchema, 'DevSignInInput');
register(SignInOutputSchema, 'SignInOutput');
register(MeOutputSchema, 'Me');
register(SignOutOutputSchema, 'SignOutOutput');
register(ErrorBodySchema, 'Error');

const json = (id: string) => ({ content: { 'application/json': { schema: ref(id) } } });
const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
};
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: ERROR_TEXT[s] ?? 'Error',
        ...(s === 429 || s === 503 ? { headers: RETRY_AFTER } : {}),
        ...json('Error'),
      },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: 'BAD_REQUEST: the input fails validation; the message names the offending path',
  401: 'UNAUTHORIZED: no, invalid, expired or revoked session token',
  403: 'FORBIDDEN: e.g. the deviceId is not the session’s device',
  404: 'NOT_FOUND',
  408: 'TIMEOUT: the request body did not arrive in time',
  413: 'PAYLOAD_TOO_LARGE: the body is over the size limit',
  429: 'TOO_MANY_REQUESTS: over a rate limit; wait the Retry-After header’s seconds, then retry',
  500: 'INTERNAL_SERVER_ERROR: nothing was applied; retry later',
  503: 'SERVICE_UNAVAILABLE: the database is unreachable; nothing was applied; wait the Retry-After header’s seconds, then retry',
};
const bearer = [{ bearer: [] }];

/** The OpenAPI 3.1 document of the plain-HTTP endpoints. */
export function openApiDocument(serverUrl = '/') {
  const { schemas } = z.toJSONSchema(components, {
    io: 'input',
    target: 'draft-2020-12',
    uri,
  });
  // Components are addressed by their place in the document, not by $id.
  for (const s of Object.values(schemas)) {
    delete (s as { $schema?: string }).$schema;
    delete (s as { $id?: string }).$id;
  }
  const pullParams = Object.entries(z.toJSONSchema(PullInputSchema, { io: 'input' }).properties ?? {}).map(
    ([name, schema]) => ({ name, in: 'query', required: name === 'cursor', schema }),
  );
  const snapshotParams = Object.entries(
    z.toJSONSchema(SnapshotInputSchema, { io: 'input' }).properties ?? {},
  ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'StoreSync sync API',
      version: '1',
      description:
        'Plain-HTTP door to the StoreSync sync protocol (docs/protocol.md in the repository). Bodies are JSON; times ISO-8601 UTC; money integer minor units; ids UUIDs generated by the client.',
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The sessionToken from sign-in' },
      },
    },
    paths: {
      '/auth/google': {
        post: {
          operationId: 'signIn',
          summary: 'Sign a device in with a Google ID token',
          requestBody: { required: true, ...json('GoogleSignInInput') },
          responses: {
            200: { description: 'Signed in', ...json('SignInOutput') },
            ...errors(400, 401, 408, 413, 429, 500, 503),
          },
        },
      },
      '/auth/dev-sign-in': {
        post: {
          operationId: 'devSignIn',
          summary: 'Sign in without Google (only when the server runs with DEV_LOGIN=1)',
          requestBody: { required: true, ...json('DevSignInInput') },
          responses: {
            200: { description: 'Signed in', ...json('SignInOutput') },
            ...errors(400, 404, 408, 429, 500, 503),
          },
        },
      },
      '/auth/me': {
        get: {
          operationId: 'me',
          security: bearer,
          responses: {
            200: { description: 'The session’s user and device', ...json('Me') },
            ...errors(401, 429, 500, 503),
          },
        },
      },
      '/auth/sign-out': {
        post: {
          operationId: 'signOut',
          summary: 'Revoke the calling session',
          security: bearer,
          responses: {
            200: { description: 'Revoked', ...json('SignOutOutput') },
            ...errors(401, 429, 500, 503),
          },
        },
      },
      '/sync/push': {
        post: {
          operationId: 'push',
          summary: 'Apply a batch of outbox events, in order, in one transaction',
          security: bearer,
          requestBody: { required: true, ...json('PushInput') },
          responses: {
            200: { description: 'One result per event, same order', ...json('PushOutput') },
            ...errors(400, 401, 403, 408, 413, 429, 500, 503),
          },
        },
      },
      '/sync/pull': {
        get: {
          operationId: 'pull',
          summary: 'The store’s change log after a cursor, ascending',
          security: bearer,
          parameters: pullParams,
          responses: {
            200: { description: 'A page of events', ...json('PullOutput') },
            ...errors(400, 401, 429, 500, 503),
          },
        },
      },
      '/sync/snapshot': {
        get: {
          operationId: 'snapshot',
          summary:
            'A page of the store’s current rows, for a first sync; then pull the log from the first page’s cursor',
          security: bearer,
          parameters: snapshotParams,
          responses: {
            200: { description: 'A page of rows', ...json('SnapshotOutput') },
            ...errors(400, 401, 429, 500, 503),
          },
        },
      },
    },
  };
}
