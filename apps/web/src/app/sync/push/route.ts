import { rest } from '~/server/rest';

export const POST = rest.push;
