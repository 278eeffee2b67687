import { openApiDocument } from '@storesync/api';

const document = openApiDocument();

/** The OpenAPI 3.1 document of the plain-HTTP endpoints, generated from the zod schemas. */
export const GET = () => Response.json(document);
