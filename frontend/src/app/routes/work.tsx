import type { RouteObject } from 'react-router';

/** The unit reporter's screens, mounted at /work. */
export const workRoutes: RouteObject[] = [];
