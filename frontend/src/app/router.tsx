import { useState } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppLayout } from '@/components/layouts/app-layout';
import { NotFoundRoute } from '@/app/routes/not-found';
import { PlansRoute } from '@/app/routes/plans';
import { RouteError } from '@/app/routes/route-error';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/plans" replace /> },
      { path: 'plans', element: <PlansRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
