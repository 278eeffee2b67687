import { rest } from '~/server/rest';

export const GET = rest.snapshot;
