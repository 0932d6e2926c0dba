import type { RouteObject } from 'react-router';

/**
 * Administration, mounted at /admin: org units, accounts, service accounts and plan bundle import. Each
 * screen is loaded when first opened, so that people who never administer do not download it.
 */
export const adminRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => {
      const { AdminHome } = await import('@/features/admin/components/admin-home');
      return { Component: AdminHome };
    },
  },
  {
    path: 'units',
    children: [
      {
        index: true,
        lazy: async () => {
          const { UnitsList } = await import('@/features/admin/components/units-list');
          return { Component: UnitsList };
        },
      },
      {
        path: 'new',
        lazy: async () => {
          const { UnitCreate } = await import('@/features/admin/components/unit-create');
          return { Component: UnitCreate };
        },
      },
      {
        path: ':unitId',
        lazy: async () => {
          const { UnitEdit } = await import('@/features/admin/components/unit-edit');
          return { Component: UnitEdit };
        },
      },
    ],
  },
  {
    path: 'users',
    children: [
      {
        index: true,
        lazy: async () => {
          const { UsersList } = await import('@/features/admin/components/users-list');
          return { Component: UsersList };
        },
      },
      {
        path: 'new',
        lazy: async () => {
          const { UserCreate } = await import('@/features/admin/components/user-create');
          return { Component: UserCreate };
        },
      },
      {
        path: ':userId',
        lazy: async () => {
          const { UserEdit } = await import('@/features/admin/components/user-edit');
          return { Component: UserEdit };
        },
      },
    ],
  },
  {
    path: 'service-accounts',
    children: [
      {
        index: true,
        lazy: async () => {
          const { ServiceAccountsList } =
            await import('@/features/admin/components/service-accounts-list');
          return { Component: ServiceAccountsList };
        },
      },
      {
        path: 'new',
        lazy: async () => {
          const { ServiceAccountCreate } =
            await import('@/features/admin/components/service-account-create');
          return { Component: ServiceAccountCreate };
        },
      },
      {
        path: ':accountId',
        lazy: async () => {
          const { ServiceAccountEdit } =
            await import('@/features/admin/components/service-account-edit');
          return { Component: ServiceAccountEdit };
        },
      },
    ],
  },
  {
    path: 'import',
    lazy: async () => {
      const { BundleImport } = await import('@/features/admin/components/bundle-import');
      return { Component: BundleImport };
    },
  },
];
