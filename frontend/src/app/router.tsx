import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ChangePasswordRoute } from '@/app/routes/change-password';
import { HomeRoute } from '@/app/routes/home';
import { NotFoundRoute } from '@/app/routes/not-found';
import { planRoutes } from '@/app/routes/plans';
import { dashboardRoutes } from '@/app/routes/dashboard';
import { adminRoutes } from '@/app/routes/admin';
import { ProtectedLayout } from '@/app/routes/protected-layout';
import { reviewRoutes } from '@/app/routes/review';
import { RouteError } from '@/app/routes/route-error';
import { SignInRoute } from '@/app/routes/sign-in';
import { workRoutes } from '@/app/routes/my-work';

export const routes: RouteObject[] = [
  { path: 'sign-in', element: <SignInRoute />, errorElement: <RouteError /> },
  {
    // Every other page needs a session.
    element: <ProtectedLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'plans', children: planRoutes },
      { path: 'dashboard', children: dashboardRoutes },
      { path: 'admin', children: adminRoutes },
      { path: 'my-work', children: workRoutes },
      { path: 'review', children: reviewRoutes },
      { path: 'change-password', element: <ChangePasswordRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
