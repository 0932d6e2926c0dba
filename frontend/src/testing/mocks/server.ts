import { setupServer } from 'msw/node';

/** Each test registers the responses it needs with server.use(). */
export const server = setupServer();
