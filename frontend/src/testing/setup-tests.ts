import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetSession } from '@/lib/auth';
import { i18n } from '@/lib/i18n';
import { server } from '@/testing/mocks/server';

// A request without a handler is a test bug, not something to pass through to a real network.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

afterEach(async () => {
  cleanup();
  resetSession();
  server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
  await i18n.changeLanguage('vi');
});

afterAll(() => server.close());
