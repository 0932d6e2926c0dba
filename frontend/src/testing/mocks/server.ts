import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/**
 * Each test registers the responses it needs with server.use(). The one default: the header's notification
 * bell asks for the unread count on every signed-in page, and has nothing unread unless a test says so.
 */
export const server = setupServer(
  http.get('*/api/v1/notifications/unread-count', () => HttpResponse.json({ unread: 0 })),
);
