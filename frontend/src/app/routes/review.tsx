import type { RouteObject } from 'react-router';

/** The coordinator's review screens, mounted at /review. */
export const reviewRoutes: RouteObject[] = [];
