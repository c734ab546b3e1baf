import type { RouteObject } from 'react-router';
import { RootLayout } from './components/layout/RootLayout.tsx';
import { ProfilePage } from './features/account/ProfilePage.tsx';
import { AdminCoursesPage } from './features/admin/AdminCoursesPage.tsx';
import { OutboxPage } from './features/admin/OutboxPage.tsx';
import { AdminOrderPage } from './features/admin-orders/AdminOrderPage.tsx';
import { AdminOrdersPage } from './features/admin-orders/AdminOrdersPage.tsx';
import { AdminPaymentsPage } from './features/admin-payments/AdminPaymentsPage.tsx';
import { PaymentAccountsPage } from './features/admin-payments/PaymentAccountsPage.tsx';
import { AdminProductCategoriesPage } from './features/admin-shop/AdminProductCategoriesPage.tsx';
import { AdminProductReviewsPage } from './features/admin-shop/AdminProductReviewsPage.tsx';
import { AdminProductsPage } from './features/admin-shop/AdminProductsPage.tsx';
import { NewProductPage, ProductEditorPage } from './features/admin-shop/ProductEditorPage.tsx';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RegisterPage } from './features/auth/RegisterPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { VerifyCodePage } from './features/auth/VerifyCodePage.tsx';
import { CategoriesPage } from './features/catalog/CategoriesPage.tsx';
import { CoursePage } from './features/catalog/CoursePage.tsx';
import { CoursesPage } from './features/catalog/CoursesPage.tsx';
import { InstructorPage } from './features/catalog/InstructorPage.tsx';
import { AdminCertificatesPage } from './features/certificates/AdminCertificatesPage.tsx';
import { CertificatePage } from './features/certificates/CertificatePage.tsx';
import { AdminRevenuePage } from './features/earnings/AdminRevenuePage.tsx';
import { EarningsPage } from './features/earnings/EarningsPage.tsx';
import { ErrorPage } from './features/errors/ErrorPage.tsx';
import { NotFoundPage } from './features/errors/NotFoundPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { DashboardPage } from './features/learning/DashboardPage.tsx';
import { TodayVideosPage } from './features/learning/daily-videos/TodayVideosPage.tsx';
import { PlayerPage } from './features/learning/PlayerPage.tsx';
import { PlayerStartPage } from './features/learning/PlayerStartPage.tsx';
import { ManualPaymentPage } from './features/manual-payments/ManualPaymentPage.tsx';
import { PaymentStatusPage } from './features/manual-payments/PaymentStatusPage.tsx';
import { AdminReviewsPage } from './features/reviews/AdminReviewsPage.tsx';
import { ProductPage } from './features/shop/ProductPage.tsx';
import { ShopPage } from './features/shop/ShopPage.tsx';
import { CourseEditorPage } from './features/studio/CourseEditorPage.tsx';
import { NewCoursePage } from './features/studio/NewCoursePage.tsx';
import { StudioProfilePage } from './features/studio/profile/StudioProfilePage.tsx';
import { StudioPage } from './features/studio/StudioPage.tsx';
import { StudentsPage } from './features/studio/students/StudentsPage.tsx';

/**
 * Every page of the web app. The same objects drive `createBrowserRouter` in the browser and
 * `createStaticHandler` on the server. No loaders: pages read TanStack Query, whose cache the server
 * seeds with the page's data (`AppState.queries`) on both sides, so the first client render matches
 * the server's HTML. `/courses/categories` is matched before `/courses/:slug` (static segments rank
 * higher), so no course may use the slug `categories`.
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
      { path: 'admin/courses', Component: AdminCoursesPage },
      { path: 'admin/certificates', Component: AdminCertificatesPage },
      { path: 'admin/reviews', Component: AdminReviewsPage },
      { path: 'admin/orders', Component: AdminOrdersPage },
      { path: 'admin/orders/:number', Component: AdminOrderPage },
      { path: 'admin/revenue', Component: AdminRevenuePage },
      { path: 'studio/earnings', Component: EarningsPage },
      { path: 'certificates/:code', Component: CertificatePage },
      { path: 'courses', Component: CoursesPage },
      { path: 'courses/categories', Component: CategoriesPage },
      { path: 'courses/:slug', Component: CoursePage },
      { path: 'courses/:slug/learn', Component: PlayerStartPage },
      { path: 'courses/:slug/learn/today', Component: TodayVideosPage },
      { path: 'courses/:slug/learn/:lessonId', Component: PlayerPage },
      { path: 'dashboard', Component: DashboardPage },
      { path: 'instructors/:slug', Component: InstructorPage },
      { path: 'studio', Component: StudioPage },
      { path: 'studio/courses/new', Component: NewCoursePage },
      { path: 'studio/courses/:id', Component: CourseEditorPage },
      { path: 'studio/students', Component: StudentsPage },
      { path: 'studio/profile', Component: StudioProfilePage },
      { path: 'checkout/manual/:number', Component: ManualPaymentPage },
      { path: 'payment-status', Component: PaymentStatusPage },
      { path: 'admin/payments', Component: AdminPaymentsPage },
      { path: 'admin/payment-accounts', Component: PaymentAccountsPage },
      { path: 'shop', Component: ShopPage },
      { path: 'shop/:slug', Component: ProductPage },
      { path: 'admin/products', Component: AdminProductsPage },
      { path: 'admin/products/new', Component: NewProductPage },
      { path: 'admin/products/:id', Component: ProductEditorPage },
      { path: 'admin/product-categories', Component: AdminProductCategoriesPage },
      { path: 'admin/product-reviews', Component: AdminProductReviewsPage },
      { path: '*', Component: NotFoundPage },
    ],
  },
];
