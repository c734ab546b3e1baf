import type { RouteObject } from 'react-router';
import { RootLayout } from './components/layout/RootLayout.tsx';
import { ProfilePage } from './features/account/ProfilePage.tsx';
import { OutboxPage } from './features/admin/OutboxPage.tsx';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RegisterPage } from './features/auth/RegisterPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { VerifyCodePage } from './features/auth/VerifyCodePage.tsx';
import { ErrorPage } from './features/errors/ErrorPage.tsx';
import { NotFoundPage } from './features/errors/NotFoundPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';

/**
 * Every page of the web app. The same objects drive `createBrowserRouter` in the browser and
 * `createStaticHandler` on the server. No loaders: pages fetch with TanStack Query, so the first
 * client render matches the server's HTML without hydration data.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    Component: RootLayout,
    ErrorBoundary: ErrorPage,
    children: [
      { index: true, Component: HomePage },
      { path: 'register', Component: RegisterPage },
      { path: 'verify-code', Component: VerifyCodePage },
      { path: 'login', Component: LoginPage },
      { path: 'forgot-password', Component: ForgotPasswordPage },
      { path: 'reset-password', Component: ResetPasswordPage },
      { path: 'profile', Component: ProfilePage },
      { path: 'admin/outbox', Component: OutboxPage },
      { path: '*', Component: NotFoundPage },
    ],
  },
];
